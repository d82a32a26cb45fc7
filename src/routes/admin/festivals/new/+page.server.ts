import { newFestivalValues } from '$lib/admin/forms/festival';
import { shanghaiToday } from '$lib/content/time';
import { festivalPages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => ({
	values: newFestivalValues(shanghaiToday())
})) satisfies PageServerLoad;

export const actions = { default: festivalPages.create } satisfies Actions;
