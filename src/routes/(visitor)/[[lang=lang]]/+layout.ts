import { loadView } from '$lib/offline';
import { langFromParam } from '$lib/i18n/paths';
import { noticePage } from './notice-page';
import type { LayoutLoad } from './$types';

export const load = (async ({ fetch, params, route }) => {
	const lang = langFromParam(params.lang);
	// The footer's filing numbers, and the bureau's notices for this page: every page shows the
	// unscoped ones, a venue's, event's, festival's or tour's page also those scoped to it (see
	// $lib/content/notices.ts). A page never fails for want of either (a first visit offline in a
	// browser without a mirror yet): then it is drawn without them.
	const [site, notices] = await Promise.all([
		loadView(fetch, 'site', lang).catch(() => ({}) as const),
		loadView(fetch, 'notices', lang, noticePage(route.id, params)).catch(() => ({ items: [] }))
	]);
	return { lang, site, notices };
}) satisfies LayoutLoad;
