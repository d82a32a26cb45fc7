import { getStore } from '$lib/server/app';
import { festivalPages } from '$lib/server/editing/pages';
import { imageActions, imagesOf } from '$lib/server/editing/image-actions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await festivalPages.loadRecord(params.id, url)),
	images: imagesOf(await festivalPages.stored(params.id), 'heroImage'),
	eventCount: (await getStore().events.listAll()).filter((e) => e.festivalId === params.id).length
})) satisfies PageServerLoad;

export const actions = {
	...festivalPages.editActions,
	...imageActions('festivals', 'heroImage')
} satisfies Actions;
