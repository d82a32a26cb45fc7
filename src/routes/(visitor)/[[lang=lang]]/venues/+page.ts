import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, parent, url }) => {
	const { lang } = await parent();
	const kind = url.searchParams.get('kind');
	return { view: await loadView(fetch, 'venues', lang, kind ? { kind } : {}) };
}) satisfies PageLoad;
