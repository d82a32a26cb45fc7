import { error } from '@sveltejs/kit';
import { instantToShanghai } from '$lib/content/time';
import { eventView } from '$lib/content/views/event';
import { langFromParam } from '$lib/i18n/paths';
import { getStore } from '$lib/server/app';
import { previewSnapshot } from '$lib/server/editing/preview';
import type { PageServerLoad } from './$types';

// Editors only, like everything under /admin (hooks/auth.ts); drafts never reach the public feed.
export const load = (async ({ params, url }) => {
	const store = getStore();
	const event = await store.events.getById(params.id);
	if (!event) error(404, `No event ${params.id}`);
	const lang = langFromParam(url.searchParams.get('lang') ?? undefined);
	const snap = await previewSnapshot(store, event);
	const view = eventView(snap, { slug: event.slug }, { lang, now: instantToShanghai(new Date()) });
	return { lang, view, id: event.id, status: event.status };
}) satisfies PageServerLoad;
