// From its own module, not the schemas index: the index also holds the editors' input schemas,
// whose opening-hours parser (~125 KB) the sync worker must not carry.
import { feedPayload } from '$lib/content/schemas/feed';
import { guideDb, type GuideDb } from './db';
import { applyPayload, readSyncMeta, type ApplyResult } from './apply-payload';
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
	fetchFn: typeof fetch = fetch
): Promise<SyncResult> {
	const meta = await readSyncMeta(db);
	const url = meta?.revision ? `/api/v1/content?since=${meta.revision}` : '/api/v1/content';
	let response: Response;
	try {
		response = await fetchFn(url, {
			// Always revalidate with the server (or CDN) rather than trusting the HTTP cache.
			cache: 'no-cache',
			headers: meta?.etag ? { 'if-none-match': meta.etag } : {}
		});
	} catch (error) {
		throw new SyncError(`network: ${error instanceof Error ? error.message : error}`);
	}
	if (response.status === 304) {
		await db.meta.put({ key: 'sync', value: { ...meta, lastSyncedAt: new Date().toISOString() } });
		return { status: 'unchanged' };
	}
	if (!response.ok) throw new SyncError(`feed answered ${response.status}`, response.status >= 500);
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new SyncError('feed body was cut off or is not JSON');
	}
	const parsed = feedPayload.safeParse(body);
	if (!parsed.success)
		throw new SyncError(`feed payload is malformed: ${parsed.error.issues[0]?.message}`);
	const result = await applyPayload(db, parsed.data, response.headers.get('etag'));
	return { status: 'updated', result };
}

let running: Promise<SyncResult> | undefined;

/**
 * Never two syncs at once: within a tab a running sync is shared; across tabs the Web Locks API
 * lets one tab sync while the others skip (they see the result through Dexie's live queries).
 */
export function syncExclusive(
	db: GuideDb = guideDb(),
	fetchFn: typeof fetch = fetch
): Promise<SyncResult> {
	running ??= (async () => {
		try {
			if (typeof navigator !== 'undefined' && navigator.locks) {
				return await navigator.locks.request(
					'taibai-guide-sync',
					{ ifAvailable: true },
					async (lock) => (lock ? syncOnce(db, fetchFn) : ({ status: 'busy' } as const))
				);
			}
			return await syncOnce(db, fetchFn);
		} finally {
			running = undefined;
		}
	})();
	return running;
}
