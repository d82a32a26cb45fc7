import { loadView } from '$lib/content-source';
import { langFromParam } from '$lib/i18n/paths';
import { noticePage } from './notice-page';
import type { LayoutLoad } from './$types';

export const load = (async ({ fetch, params, route }) => {
	const lang = langFromParam(params.lang);
	// The bureau's notices for this page: every page shows the unscoped ones, a venue's, event's,
	// festival's or tour's page also those scoped to it (see $lib/content/notices.ts).
	// A page never fails for want of its notices.
	const notices = await loadView(fetch, 'notices', lang, noticePage(route.id, params)).catch(
		() => ({ items: [] })
	);
	return { lang, notices };
}) satisfies LayoutLoad;
