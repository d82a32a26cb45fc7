import { loadView } from '$lib/offline';
import { langFromParam } from '$lib/i18n/paths';
import type { LayoutLoad } from './$types';

export const load = (async ({ params, fetch }) => {
	const lang = langFromParam(params.lang);
	// The footer's filing numbers. A page must never fail for want of its footer (a first visit
	// offline in a browser without a mirror yet), so then it is drawn without them.
	const site = await loadView(fetch, 'site', lang).catch(() => ({}) as const);
	return { lang, site };
}) satisfies LayoutLoad;
