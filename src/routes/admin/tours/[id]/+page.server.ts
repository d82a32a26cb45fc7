import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import { tourPages } from '$lib/server/editing/pages';
import { imageActions, imagesOf } from '$lib/server/editing/image-actions';
import { narrationActions } from '$lib/server/editing/narration-actions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await tourPages.loadRecord(params.id, url)),
	images: imagesOf(await tourPages.stored(params.id), 'image'),
	stopNarration: (await tourPages.stored(params.id)).stops.map((stop) => stop.narration),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = {
	...tourPages.editActions,
	...imageActions('tours', 'image'),
	...narrationActions('tours')
} satisfies Actions;
