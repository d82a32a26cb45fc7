import { contentTypes, type FeedPayload } from '$lib/content/schemas/feed';
import type { GuideDb, SyncMeta } from './db';
import { savedChanges, type SavedChange } from './saved-changes';

export interface ApplyResult {
	revision: number;
	changed: number;
	saved: SavedChange[];
}

/**
 * Applies a feed payload to the mirror in ONE transaction together with its revision: if anything
 * fails (quota, a closed tab, a bug) the transaction aborts and the phone keeps the previous,
 * consistent content. Visitor tables are read (to notice changes to saved things) but never written.
 */
export async function applyPayload(
	db: GuideDb,
	payload: FeedPayload,
	etag: string | null
): Promise<ApplyResult> {
	return db.transaction(
		'rw',
		[db.venues, db.events, db.festivals, db.tours, db.meta, db.favourites],
		async () => {
			const favourites = await db.favourites.toArray();
			// The saved events as the phone had them, to tell which of their dates this sync cancels.
			const savedIds = favourites.filter((f) => f.type === 'events').map((f) => f.id);
			const previous = new Map(
				(await db.events.bulkGet(savedIds)).filter((e) => e !== undefined).map((e) => [e.id, e])
			);
			let changed = 0;
			for (const type of contentTypes) {
				const table = db[type] as unknown as import('dexie').Table<{ id: string }, string>;
				if (payload.full) await table.clear();
				else if (payload.deleted[type].length) await table.bulkDelete(payload.deleted[type]);
				const rows = payload[type] as { id: string }[];
				if (rows.length) await table.bulkPut(rows);
				changed += rows.length + (payload.full ? 0 : payload.deleted[type].length);
			}
			const keys = payload.full
				? {}
				: (((await db.meta.get('searchKeys'))?.value as Record<string, string> | undefined) ?? {});
			for (const [type, ids] of Object.entries(payload.deleted)) {
				for (const id of ids) delete keys[`${type.replace(/s$/, '')}:${id}`];
			}
			Object.assign(keys, payload.searchKeys);
			const sync: SyncMeta = {
				revision: payload.revision,
				lastSyncedAt: new Date().toISOString(),
				etag
			};
			await db.meta.bulkPut([
				{ key: 'sync', value: sync },
				{ key: 'holidays', value: payload.holidays },
				{ key: 'settings', value: payload.settings },
				{ key: 'searchKeys', value: keys }
			]);
			const events = new Map(payload.events.map((e) => [e.id, e]));
			const deleted = new Set(payload.full ? [] : payload.deleted.events);
			return {
				revision: payload.revision,
				changed,
				saved: savedChanges(favourites, events, deleted, previous)
			};
		}
	);
}

export async function readSyncMeta(db: GuideDb): Promise<SyncMeta | undefined> {
	return (await db.meta.get('sync'))?.value as SyncMeta | undefined;
}
