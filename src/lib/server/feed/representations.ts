import type { FeedCounters } from '../content/revision';
import { encodeBody, lruPerOwner } from '../http/encoded';
import type { Representation } from '../http/cached-representation';
import type { Store } from '../store';
import { buildFeed } from './build';

// Per database handle, like the revision clock. A body depends only on (revision, floor, since):
// a few entries serve almost every phone.
const cacheFor = lruPerOwner<Representation>(64);
const buildsFor = new WeakMap<object, Map<string, Promise<Representation>>>();

const keyOf = (counters: FeedCounters, since: number | null) =>
	`${counters.revision}.${counters.floor}:${since ?? 'full'}`;

/** The feed answer for these counters if it was built already: no query, no JSON, no compression. */
export function cachedFeed(
	store: Store,
	counters: FeedCounters,
	since: number | null
): Representation | undefined {
	return cacheFor(store.db).get(keyOf(counters, since));
}

/**
 * The feed answer for these counters, built, serialised and compressed once. Requests that miss at
 * the same moment (every phone right after a publish) wait for one build instead of starting their
 * own. A write may land while building: the answer is then newer than `counters`, which is kept
 * under both keys, since a newer answer is a correct one for a phone that asked earlier.
 */
export async function feedRepresentation(
	store: Store,
	counters: FeedCounters,
	since: number | null,
	maxAge: number
): Promise<Representation> {
	const key = keyOf(counters, since);
	const cached = cacheFor(store.db).get(key);
	if (cached) return cached;
	let builds = buildsFor.get(store.db);
	if (!builds) buildsFor.set(store.db, (builds = new Map()));
	let build = builds.get(key);
	if (!build) {
		build = buildRepresentation(store, counters, since, maxAge).finally(() => builds.delete(key));
		builds.set(key, build);
	}
	return build;
}

async function buildRepresentation(
	store: Store,
	counters: FeedCounters,
	since: number | null,
	maxAge: number
): Promise<Representation> {
	const payload = await buildFeed(store, since);
	const rep: Representation = {
		etag: `"r${payload.revision}.${counters.floor}"`,
		body: encodeBody(JSON.stringify(payload)),
		contentType: 'application/json; charset=utf-8',
		cacheControl: `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 10}`
	};
	const cache = cacheFor(store.db);
	cache.set(keyOf(counters, since), rep);
	cache.set(keyOf({ ...counters, revision: payload.revision }, since), rep);
	return rep;
}
