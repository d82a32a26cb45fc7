import { feedChanges, type TableChanges } from '$lib/content/apply-feed';
// From its own module, not the schemas index: the index also holds the editors' input schemas,
// whose opening-hours parser (~125 KB) the sync worker must not carry.
import { contentTypes, feedPayload, type FeedPayload } from '$lib/content/schemas/feed';
import { guideDb, type GuideDb, type SyncMeta, type Table } from './db';
import { plannedEventIds, savedChanges, type SavedChange, type VenueNames } from './saved-changes';
import { SyncError } from './sync-error';

export { SyncError };

export type SyncResult =
	{ status: 'updated'; result: ApplyResult } | { status: 'unchanged' } | { status: 'busy' };

/**
 * One sync: the full snapshot the first time, then the delta since the mirror's revision,
 * revalidated with If-None-Match so an unchanged feed costs a 304. A failed download, a cut-off or
 * malformed body, or a payload that fails the shared schema throws before anything is written.
 */
export async function syncOnce(
	db: GuideDb = guideDb(),
	fetchFn: typeof fetch = fetch,
	timeoutMs = feedTimeoutMs
): Promise<SyncResult> {
	const meta = await readSyncMeta(db);
	const url = meta?.revision ? `/api/v1/content?since=${meta.revision}` : '/api/v1/content';
	// A connection that stalls by the lake (no answer, or a body that stops) would otherwise keep
	// "downloading…" on screen for as long as the browser waits, and every later sync shares it.
	const limit = new AbortController();
	const timer = setTimeout(() => limit.abort(), timeoutMs);
	let response: Response;
	let body: unknown;
	try {
		try {
			response = await fetchFn(url, {
				// Always revalidate with the server (or CDN) rather than trusting the HTTP cache.
				cache: 'no-cache',
				headers: meta?.etag ? { 'if-none-match': meta.etag } : {},
				signal: limit.signal
			});
		} catch (error) {
			throw new SyncError(
				limit.signal.aborted
					? `network: no answer within ${timeoutMs / 1000} s`
					: `network: ${error instanceof Error ? error.message : error}`
			);
		}
		if (response.status === 304) {
			await db.meta.put({
				key: 'sync',
				value: { ...meta, lastSyncedAt: new Date().toISOString() }
			});
			return { status: 'unchanged' };
		}
		if (!response.ok) {
			throw new SyncError(`feed answered ${response.status}`, response.status >= 500);
		}
		try {
			body = await response.json();
		} catch {
			throw new SyncError(
				limit.signal.aborted
					? `feed body stalled until ${timeoutMs / 1000} s`
					: 'feed body was cut off or is not JSON'
			);
		}
	} finally {
		clearTimeout(timer);
	}
	const parsed = feedPayload.safeParse(body);
	if (!parsed.success)
		throw new SyncError(`feed payload is malformed: ${parsed.error.issues[0]?.message}`);
	const result = await applyPayload(db, parsed.data, response.headers.get('etag'));
	return { status: 'updated', result };
}

/**
 * The longest a feed download may take, answer and body: the full snapshot (about 200 KB
 * compressed) fits at 2G speeds with room to spare; a delta or a 304 takes a fraction of it.
 */
export const feedTimeoutMs = 60_000;

let running: Promise<SyncResult> | undefined;

/**
 * Never two syncs at once: within a tab a running sync is shared; across tabs the Web Locks API
 * lets one tab sync while the others skip (they see the result through Dexie's live queries).
 */
export function syncExclusive(
	db: GuideDb = guideDb(),
	fetchFn: typeof fetch = fetch,
	timeoutMs = feedTimeoutMs
): Promise<SyncResult> {
	running ??= (async () => {
		try {
			if (typeof navigator !== 'undefined' && navigator.locks) {
				return await navigator.locks.request(
					'taibai-guide-sync',
					{ ifAvailable: true },
					async (lock) => (lock ? syncOnce(db, fetchFn, timeoutMs) : ({ status: 'busy' } as const))
				);
			}
			return await syncOnce(db, fetchFn, timeoutMs);
		} finally {
			running = undefined;
		}
	})();
	return running;
}

export interface ApplyResult {
	revision: number;
	changed: number;
	saved: SavedChange[];
}

/**
 * Applies a feed payload to the mirror in ONE transaction together with its revision: if anything
 * fails (quota, a closed tab, a bug) the transaction aborts and the phone keeps the previous,
 * consistent content. The writes are the pure `feedChanges` of the payload, the same that
 * `applyFeed` (what the property tests check) carries out in memory. Visitor tables are read (to
 * notice changes to saved things) but never written.
 */
export async function applyPayload(
	db: GuideDb,
	payload: FeedPayload,
	etag: string | null
): Promise<ApplyResult> {
	const changes = feedChanges(payload);
	return db.transaction(
		'rw',
		[db.venues, db.events, db.festivals, db.tours, db.notices, db.meta, db.favourites, db.plans],
		async () => {
			const favourites = await db.favourites.toArray();
			// The saved and planned events as the phone had them, to tell what this sync changes.
			const planned = plannedEventIds(await db.plans.toArray());
			const savedIds = [
				...new Set([...favourites.filter((f) => f.type === 'events').map((f) => f.id), ...planned])
			];
			const previous = new Map(
				(await db.events.bulkGet(savedIds)).filter((e) => e !== undefined).map((e) => [e.id, e])
			);
			let changed = 0;
			for (const type of contentTypes) {
				const table = db[type] as unknown as Table<{ id: string }, string>;
				const { remove, put } = changes.tables[type] as TableChanges<{ id: string }>;
				if (changes.replace) await table.clear();
				if (remove.length) await table.bulkDelete(remove);
				if (put.length) await table.bulkPut(put);
				changed += put.length + remove.length;
			}
			const keys = ((await db.meta.get('searchKeys'))?.value ?? {}) as Record<string, string>;
			const sync: SyncMeta = {
				revision: changes.revision,
				lastSyncedAt: new Date().toISOString(),
				etag
			};
			await db.meta.bulkPut([
				{ key: 'sync', value: sync },
				{ key: 'holidays', value: changes.holidays },
				{ key: 'settings', value: changes.settings },
				{ key: 'searchKeys', value: changes.searchKeys(keys) }
			]);
			const events = new Map(changes.tables.events.put.map((e) => [e.id, e]));
			const deleted = new Set(changes.tables.events.remove);
			// The places the watched events are at now, to name a new one.
			const venueIds = savedIds.flatMap((id) => events.get(id)?.venueId ?? []);
			const venues: VenueNames = new Map(
				(await db.venues.bulkGet(venueIds))
					.filter((v) => v !== undefined)
					.map((v) => [v.id, { slug: v.slug, name: v.name }])
			);
			return {
				revision: changes.revision,
				changed,
				saved: savedChanges(favourites, events, deleted, previous, new Set(planned), venues)
			};
		}
	);
}

export async function readSyncMeta(db: GuideDb): Promise<SyncMeta | undefined> {
	return (await db.meta.get('sync'))?.value as SyncMeta | undefined;
}
