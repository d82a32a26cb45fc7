import { contentTypes, type FeedPayload } from '$lib/content/schemas/feed';
import type { GuideDb, SyncMeta } from './db';
import { plannedEventIds, savedChanges, type SavedChange, type VenueNames } from './saved-changes';

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
		[db.venues, db.events, db.festivals, db.tours, db.notices, db.meta, db.favourites, db.plans],
		async () => {
			const favourites = await db.favourites.toArray();
			// The saved events as the phone had them, to tell which of their dates this sync cancels.
			const planned = plannedEventIds(await db.plans.toArray());
			const savedIds = [
				...new Set([...favourites.filter((f) => f.type === 'events').map((f) => f.id), ...planned])
			];
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
			// The places the watched events are at now, to name a new one.
			const venueIds = savedIds.flatMap((id) => events.get(id)?.venueId ?? []);
			const venues: VenueNames = new Map(
				(await db.venues.bulkGet(venueIds))
					.filter((v) => v !== undefined)
					.map((v) => [v.id, { slug: v.slug, name: v.name }])
			);
			return {
				revision: payload.revision,
				changed,
				saved: savedChanges(favourites, events, deleted, previous, new Set(planned), venues)
			};
		}
	);
}

export async function readSyncMeta(db: GuideDb): Promise<SyncMeta | undefined> {
	return (await db.meta.get('sync'))?.value as SyncMeta | undefined;
}
