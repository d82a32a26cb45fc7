import { feedChanges, type TableChanges } from '$lib/content/apply-feed';
import { contentTypes, type FeedPayload } from '$lib/content/schemas/feed';
import type { GuideDb, SyncMeta, Table } from './db';
import { savedChanges, type SavedChange } from './saved-changes';

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
			return {
				revision: changes.revision,
				changed,
				saved: savedChanges(favourites, events, new Set(changes.tables.events.remove), previous)
			};
		}
	);
}

export async function readSyncMeta(db: GuideDb): Promise<SyncMeta | undefined> {
	return (await db.meta.get('sync'))?.value as SyncMeta | undefined;
}
