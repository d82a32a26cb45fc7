import { dev } from '$app/environment';
import type { Handle, RequestEvent } from '@sveltejs/kit';
import { getStore } from '../app';
import { revisionClock } from '../content/revision-clock';
import { keptPages, pageKey } from '../http/page-cache';

/**
 * Whether a response may be shared between visitors: a GET of a visitor page, decided by the route
 * SvelteKit will run. The console (its previews show drafts), APIs, data requests and unmatched
 * paths never are. Visitor pages read published content only, and no session.
 */
export function isSharedPage(event: RequestEvent): boolean {
	return (
		event.request.method === 'GET' &&
		!event.isDataRequest &&
		(event.route.id?.startsWith('/(visitor)/') ?? false)
	);
}

/**
 * Keeps rendered visitor pages, compressed, by http/page-cache.ts's pageKey. Placed right after
 * `observe`, so a kept page costs neither a render nor compression and every request is still
 * logged and counted; the early door serves the same pages without SvelteKit at all. A publish
 * moves the revision (at once on this server, within the revision clock's TTL on others), and with
 * it every key: a kept page never outlives the content it shows. Not under `vite dev`, where the
 * code that renders a page changes too.
 */
export const pageCache: Handle = async ({ event, resolve }) => {
	if (dev || !isSharedPage(event)) return resolve(event);
	const { revision } = await revisionClock(getStore().db).read();
	const key = pageKey({
		revision,
		now: Date.now(),
		href: event.url.href,
		acceptEncoding: event.request.headers.get('accept-encoding'),
		cookie: event.request.headers.get('cookie')
	});
	return keptPages.serve(key, event.route.id as string, () => resolve(event));
};
