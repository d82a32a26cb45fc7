import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

/** The filters live in the URL so a filtered day can be shared and survives a reload. */
const filterParams = ['date', 'category', 'festival', 'free', 'now'] as const;

export const load = (async ({ fetch, parent, url }) => {
	const { lang } = await parent();
	const params: Record<string, string> = {};
	for (const name of filterParams) {
		const value = url.searchParams.get(name);
		if (value) params[name] = value;
	}
	return { view: await loadView(fetch, 'events', lang, params) };
}) satisfies PageLoad;
