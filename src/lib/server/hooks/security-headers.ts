import type { Handle, RequestEvent } from '@sveltejs/kit';
import { isConsoleRoute } from '../auth/access';
import { config, publicMapSettings } from '../config';
import { completePolicy, framingFor, lockedPolicy, tileOrigins } from '../security/content-policy';

/** The configured tile servers, worked out once: configuration does not change while running. */
let tiles: string[] | undefined;

/**
 * Features the app never asks for are switched off for it and anything it embeds; the position is
 * asked for by the map's "near me" and a tour walk, from the app's own pages only.
 */
const permissions = 'camera=(), microphone=(), payment=(), geolocation=(self)';

/** Whether the operator configured an https origin (public, or adapter-node's ORIGIN). */
const httpsConfigured = () =>
	[config().PUBLIC_ORIGIN, config().ORIGIN].some((o) => o?.startsWith('https:') ?? false);

/** HTTPS is known from the origin the operator configured, or from the request itself. */
const isHttps = (event: RequestEvent) => event.url.protocol === 'https:' || httpsConfigured();

/** What every response carries whatever it is, framed by nobody (the console's previews aside). */
function baseHeaders(https: boolean, framing: 'none' | 'self' = 'none'): Record<string, string> {
	return {
		// For browsers older than frame-ancestors (some in-app browsers' engines).
		'x-frame-options': framing === 'self' ? 'SAMEORIGIN' : 'DENY',
		'cross-origin-opener-policy': 'same-origin',
		'permissions-policy': permissions,
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		...(https ? { 'strict-transport-security': 'max-age=31536000' } : {})
	};
}

let early: Record<string, string> | undefined;

/**
 * The headers of an answer from the early door (http/early-door.ts), under the answer's own: a kept
 * page brings the policy and framing it was rendered with, a feed answer gets the policy that
 * allows nothing. Worked out once: configuration does not change while running.
 */
export function earlyDoorHeaders(): Readonly<Record<string, string>> {
	early ??= { 'content-security-policy': lockedPolicy('none'), ...baseHeaders(httpsConfigured()) };
	return early;
}

export interface ResponseContext {
	/** The route that answered (null: none matched). */
	routeId: string | null;
	https: boolean;
	tiles: string[];
}

/**
 * Headers every response carries. A page's Content-Security-Policy is the one SvelteKit wrote
 * (with this response's nonce) completed for this server's tile source and the route's framing;
 * any other response gets a policy that allows nothing. Framing follows the route that answered:
 * only the console's previews may be framed, by the app itself.
 *
 * Caching: pages are never stored by shared caches (a CDN keeps only what says `public`: the
 * feeds, and adapter-node's hashed assets under /_app/immutable); the console's pages, data and
 * action answers are not stored anywhere, since they carry one editor's view of drafts. Which
 * response is the console's is decided by the route that answered (`/%61dmin/events` is the
 * console too), not by the text of the path.
 */
export function secureResponse(response: Response, { routeId, https, tiles }: ResponseContext) {
	const headers = response.headers;
	const framing = framingFor(routeId);
	const page = headers.get('content-security-policy');
	headers.set(
		'content-security-policy',
		page ? completePolicy(page, { tiles, framing }) : lockedPolicy(framing)
	);
	for (const [name, value] of Object.entries(baseHeaders(https, framing))) headers.set(name, value);
	if (headers.has('cache-control')) return response;
	const type = headers.get('content-type') ?? '';
	if (routeId !== null && isConsoleRoute(routeId)) {
		headers.set('cache-control', 'private, no-store');
	} else if (type.startsWith('text/html')) {
		headers.set('cache-control', 'private, no-cache');
	}
	return response;
}

export const securityHeaders: Handle = async ({ event, resolve }) => {
	tiles ??= tileOrigins(publicMapSettings());
	return secureResponse(await resolve(event), {
		routeId: event.route.id,
		https: isHttps(event),
		tiles
	});
};
