import type { Handle } from '@sveltejs/kit';
import { isConsoleRoute } from '../auth/access';

/**
 * Headers every response should carry. Caching: pages are never stored by shared caches (a CDN
 * keeps only what says `public`: the feeds, and adapter-node's hashed assets under
 * /_app/immutable); the console's pages, data and action answers are not stored anywhere, since
 * they carry one editor's view of drafts. Which response is the console's is decided by the route
 * that answered (`/%61dmin/events` is the console too), not by the text of the path.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	if (response.headers.has('cache-control')) return response;
	const type = response.headers.get('content-type') ?? '';
	if (event.route.id !== null && isConsoleRoute(event.route.id)) {
		response.headers.set('cache-control', 'private, no-store');
	} else if (type.startsWith('text/html')) {
		response.headers.set('cache-control', 'private, no-cache');
	}
	return response;
};
