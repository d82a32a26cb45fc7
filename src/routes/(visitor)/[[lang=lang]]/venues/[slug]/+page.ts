import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, parent, params }) => {
	const { lang } = await parent();
	return { view: await loadView(fetch, 'venue', lang, { slug: params.slug }) };
}) satisfies PageLoad;
