import { getStore } from '$lib/server/app';
import { previewPage } from '$lib/server/editing/preview';
import type { PageServerLoad } from './$types';

export const load = (async ({ params, url }) =>
	previewPage(getStore(), 'events', params.id, url)) satisfies PageServerLoad;
