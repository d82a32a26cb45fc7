import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, parent, url }) => {
	const { lang } = await parent();
	const q = url.searchParams.get('q')?.trim() ?? '';
	return { q, view: await loadView(fetch, 'search', lang, q ? { q } : {}) };
}) satisfies PageLoad;
