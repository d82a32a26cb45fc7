import type { Handle } from '@sveltejs/kit';
import { isConsoleRoute } from '../auth/access';

/** Sent with every response, whichever door answers it (see http/early-door.ts). */
export const everyResponseHeaders = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'strict-origin-when-cross-origin'
} as const;

/**
 * Headers every response should carry. Caching: pages are never stored by shared caches (a CDN
 * keeps only what says `public`: the feeds, and adapter-node's hashed assets under
 * /_app/immutable); the console's pages, data and action answers are not stored anywhere, since
 * they carry one editor's view of drafts. Which response is the console's is decided by the route
 * that answered (`/%61dmin/events` is the console too), not by the text of the path.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	for (const [name, value] of Object.entries(everyResponseHeaders)) {
		response.headers.set(name, value);
	}
	if (response.headers.has('cache-control')) return response;
	const type = response.headers.get('content-type') ?? '';
	if (event.route.id !== null && isConsoleRoute(event.route.id)) {
		response.headers.set('cache-control', 'private, no-store');
	} else if (type.startsWith('text/html')) {
		response.headers.set('cache-control', 'private, no-cache');
	}
	return response;
};
