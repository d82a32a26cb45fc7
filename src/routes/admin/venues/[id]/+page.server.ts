import { getStore } from '$lib/server/app';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { venuePages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await venuePages.loadRecord(params.id, url)),
	// The opening-hours preview evaluates the week with the real holiday calendar.
	holidays: (await serverSnapshot(getStore())).holidays
})) satisfies PageServerLoad;

export const actions = venuePages.editActions satisfies Actions;
