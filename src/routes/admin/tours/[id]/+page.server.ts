import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import { tourPages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await tourPages.loadRecord(params.id, url)),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = tourPages.editActions satisfies Actions;
