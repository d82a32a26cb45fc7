import { newEventValues } from '$lib/admin/forms/event';
import { addDays, shanghaiToday } from '$lib/content/time';
import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import { eventPages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({
	values: newEventValues(addDays(shanghaiToday(), 1)),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = { default: eventPages.create } satisfies Actions;
