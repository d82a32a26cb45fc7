import { getStore } from '$lib/server/app';
import { festivalPages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await festivalPages.loadRecord(params.id, url)),
	eventCount: (await getStore().events.listAll()).filter((e) => e.festivalId === params.id).length
})) satisfies PageServerLoad;

export const actions = festivalPages.editActions satisfies Actions;
