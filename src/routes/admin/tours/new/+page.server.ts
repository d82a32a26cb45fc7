import { newTourValues } from '$lib/admin/forms/tour';
import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import { tourPages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({
	values: newTourValues(),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = { default: tourPages.create } satisfies Actions;
