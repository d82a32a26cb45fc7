import type { FeedPayload } from '$lib/content/schemas';
import { currentRevision, minDeltaRevision } from '../content/revision';
import { publicMapSettings, publicSiteSettings } from '../config';
import { searchKeys } from '../search/keys';
import { publishedHolidays } from '../holidays/repository';
import { createStore, type Store } from '../store';
import type { Db } from '../db/connect';

/**
 * The feed for a client at revision `since` (null: first sync). Reads run in one REPEATABLE READ
 * transaction so the revision and the rows belong to the same snapshot (PostgreSQL's default READ
 * COMMITTED would give every statement its own; SQLite's transactions are snapshots anyway). A `since` older than the oldest complete delta,
 * or newer than the server (a restored database), gets a full snapshot flagged `full`.
 */
export async function buildFeed(store: Store, since: number | null): Promise<FeedPayload> {
	// Inside a caller's transaction (the database copy's check) the feed joins it.
	const inSnapshot = <R>(work: (trx: Db) => Promise<R>): Promise<R> =>
		store.db.isTransaction
			? work(store.db)
			: store.db
					.transaction()
					.setIsolationLevel('repeatable read')
					.setAccessMode('read only')
					.execute(work);
	return inSnapshot(async (trx) => {
		const revision = await currentRevision(trx);
		const floor = await minDeltaRevision(trx);
		const full = since === null || since < floor || since > revision;
		const scoped = createStore(trx);
		const from = full ? 0 : (since as number);
		const venues = await scoped.venues.changedSince(from);
		const events = await scoped.events.changedSince(from);
		const festivals = await scoped.festivals.changedSince(from);
		const tours = await scoped.tours.changedSince(from);
		const notices = await scoped.notices.changedSince(from);
		const keys = searchKeys({
			venues: venues.upserts,
			events: events.upserts,
			festivals: festivals.upserts,
			tours: tours.upserts
		});
		return {
			revision,
			searchKeys: keys,
			holidays: await publishedHolidays(trx),
			settings: { map: publicMapSettings(), site: publicSiteSettings() },
			since: full ? null : since,
			full,
			venues: venues.upserts,
			events: events.upserts,
			festivals: festivals.upserts,
			tours: tours.upserts,
			notices: notices.upserts,
			deleted: full
				? { venues: [], events: [], festivals: [], tours: [], notices: [] }
				: {
						venues: venues.deletedIds,
						events: events.deletedIds,
						festivals: festivals.deletedIds,
						tours: tours.deletedIds,
						notices: notices.deletedIds
					}
		};
	});
}
