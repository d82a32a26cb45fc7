import { getStore } from '$lib/server/app';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { venuePages } from '$lib/server/editing/pages';
import { imageActions, imagesOf } from '$lib/server/editing/image-actions';
import { narrationActions } from '$lib/server/editing/narration-actions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await venuePages.loadRecord(params.id, url)),
	images: imagesOf(await venuePages.stored(params.id), 'photos'),
	narration: (await venuePages.stored(params.id)).narration,
	// The opening-hours preview evaluates the week with the real holiday calendar.
	holidays: (await serverSnapshot(getStore())).holidays
})) satisfies PageServerLoad;

export const actions = {
	...venuePages.editActions,
	...imageActions('venues', 'photos'),
	...narrationActions('venues')
} satisfies Actions;
