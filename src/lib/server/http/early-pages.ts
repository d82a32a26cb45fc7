import { config } from '../config';
import { revisionClock } from '../content/revision-clock';
import type { Store } from '../store';
import type { EarlyAnswer, EarlyAnswerer, EarlyRequest } from './early-door';
import { keptPages, pageKey } from './page-cache';

/**
 * A visitor page kept by the SvelteKit hook (hooks/page-cache.ts), answered at the early door.
 * The door cannot tell a visitor page from any other path (only SvelteKit's router can), and it
 * does not need to: it only finds what the hook chose to keep, under the key the hook used, built
 * from the same inputs. That needs the page's URL exactly as adapter-node makes it, so only with
 * ORIGIN set (then adapter-node's URL is ORIGIN followed by the request target). Conditional
 * requests go to SvelteKit, which answers them with its own ETag rules.
 */
export function earlyPageAnswer(
	store: Store,
	origin: string,
	request: EarlyRequest
): EarlyAnswer | undefined {
	if (request.method !== 'GET' || request.headers['if-none-match'] !== undefined) return undefined;
	const counters = revisionClock(store.db).peek();
	if (!counters) return undefined;
	let href: string;
	try {
		href = new URL(origin + request.target).href;
	} catch {
		return undefined;
	}
	const page = keptPages.get(
		pageKey({
			revision: counters.revision,
			now: Date.now(),
			href,
			acceptEncoding: request.headers['accept-encoding'],
			cookie: request.headers.cookie
		})
	);
	if (!page) return undefined;
	return { route: page.route, status: 200, headers: page.headers, body: page.body };
}

/** Kept pages at the early door, when ORIGIN pins the origin (else none: SvelteKit serves them). */
export function earlyPages(store: Store, origin = config().ORIGIN): EarlyAnswerer[] {
	return origin ? [(request) => earlyPageAnswer(store, origin, request)] : [];
}
