import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, parent }) => {
	const { lang } = await parent();
	return { view: await loadView(fetch, 'home', lang) };
}) satisfies PageLoad;
