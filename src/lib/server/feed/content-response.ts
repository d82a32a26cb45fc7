import { buildFeed } from './build';
import { feedCounters } from '../content/revision';
import { badParameter, unknownParameter } from '../http/errors';
import { encodeBody, lruPerOwner } from '../http/encoded';
import { respond, type Representation } from '../http/cached-representation';
import type { Store } from '../store';

const cacheFor = lruPerOwner<Representation>(64);

/** Parses `since`: absent means a full snapshot; anything but a non-negative integer is a 400. */
function parseSince(url: URL): number | null | Response {
	const raw = url.searchParams.get('since');
	if (raw === null) return null;
	if (!/^\d{1,15}$/.test(raw))
		return badParameter('since', 'must be a non-negative integer revision');
	return Number(raw);
}

/**
 * GET /api/v1/content[?since=REV]. The body for a given (revision, since) never changes, so it is
 * built and compressed once and its ETag is the revision: a phone that is up to date gets a 304
 * for a few hundred bytes, and a CDN can serve everyone else for `maxAge` seconds.
 */
export async function contentResponse(store: Store, request: Request, url: URL, maxAge: number) {
	const unknown = unknownParameter(url, ['since']);
	if (unknown) return unknown;
	const since = parseSince(url);
	if (since instanceof Response) return since;

	const { revision, floor } = await feedCounters(store.db);
	const key = `${revision}.${floor}:${since ?? 'full'}`;
	const cache = cacheFor(store.db);
	let rep = cache.get(key);
	if (!rep) {
		const payload = await buildFeed(store, since);
		rep = {
			etag: `"r${payload.revision}.${floor}"`,
			body: encodeBody(JSON.stringify(payload)),
			contentType: 'application/json; charset=utf-8',
			cacheControl: `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 10}`
		};
		// A write may land between reading the revision and building; key by what was built.
		cache.set(`${payload.revision}.${floor}:${since ?? 'full'}`, rep);
	}
	return respond(request, rep);
}
