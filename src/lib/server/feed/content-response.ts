import { revisionClock } from '../content/revision-clock';
import { badParameter, unknownParameter } from '../http/errors';
import { answer, respond } from '../http/cached-representation';
import type { EarlyAnswer, EarlyAnswerer, EarlyRequest } from '../http/early-door';
import type { Store } from '../store';
import { cachedFeed, feedRepresentation } from './representations';

export const feedPath = '/api/v1/content';
const sinceValue = /^\d{1,15}$/;

/** Parses `since`: absent means a full snapshot; anything but a non-negative integer is a 400. */
function parseSince(url: URL): number | null | Response {
	const raw = url.searchParams.get('since');
	if (raw === null) return null;
	if (!sinceValue.test(raw))
		return badParameter('since', 'must be a non-negative integer revision');
	return Number(raw);
}

/**
 * GET /api/v1/content[?since=REV]. The body for a given (revision, since) never changes, so it is
 * built and compressed once and its ETag is the revision: a phone that is up to date gets a 304
 * for a few hundred bytes, and a CDN can serve everyone else for `maxAge` seconds. The revision
 * comes from memory (content/revision-clock.ts), so a 304 asks nothing of the database.
 */
export async function contentResponse(store: Store, request: Request, url: URL, maxAge: number) {
	const unknown = unknownParameter(url, ['since']);
	if (unknown) return unknown;
	const since = parseSince(url);
	if (since instanceof Response) return since;
	const counters = await revisionClock(store.db).read();
	return respond(request, await feedRepresentation(store, counters, since, maxAge));
}

/**
 * The same answer before SvelteKit sees the request (http/early-door.ts), when everything it needs
 * is already in memory: a current revision and a built body. Anything else (a parameter to refuse,
 * a revision to look up, a body to build) returns undefined and goes the SvelteKit way above.
 * Synchronous on purpose: it cannot wait for a database.
 */
export function earlyContentAnswer(store: Store, request: EarlyRequest): EarlyAnswer | undefined {
	const { method, path, query, headers } = request;
	if ((method !== 'GET' && method !== 'HEAD') || path !== feedPath) return undefined;
	let since: number | null = null;
	if (query !== '') {
		const raw = query.startsWith('since=') ? query.slice('since='.length) : '';
		if (!sinceValue.test(raw)) return undefined;
		since = Number(raw);
	}
	const counters = revisionClock(store.db).peek();
	const rep = counters && cachedFeed(store, counters, since);
	if (!rep) return undefined;
	return {
		route: feedPath,
		...answer(method, headers['accept-encoding'], headers['if-none-match'], rep)
	};
}

/** The feed's place at the early door. */
export const earlyContent =
	(store: Store): EarlyAnswerer =>
	(request) =>
		earlyContentAnswer(store, request);
