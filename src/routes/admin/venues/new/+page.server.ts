import { newVenueValues } from '$lib/admin/forms/venue';
import { getStore } from '$lib/server/app';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { venuePages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({
	values: newVenueValues(),
	holidays: (await serverSnapshot(getStore())).holidays
})) satisfies PageServerLoad;

export const actions = { default: venuePages.create } satisfies Actions;
