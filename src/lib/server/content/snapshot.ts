import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import { publishedHolidays } from '../holidays/repository';
import { publicMapSettings, publicSiteSettings } from '../config';
import { searchKeys } from '../search/keys';
import { currentRevision } from './revision';
import { createStore, type Store } from '../store';

// Per store, so tests that open several stores (SQLite and PostgreSQL) never share a snapshot.
const cache = new WeakMap<Store, { revision: number; snapshot: Snapshot }>();

/**
 * The public content as one in-memory snapshot, rebuilt only when the revision moves: pages are
 * rendered from it, so a page view costs one revision query, not a table scan.
 */
export async function serverSnapshot(store: Store): Promise<Snapshot> {
	const revision = await currentRevision(store.db);
	const cached = cache.get(store);
	if (cached?.revision === revision) return cached.snapshot;
	// Built from one REPEATABLE READ snapshot, so on PostgreSQL the rows match the revision they
	// are cached under even while other app servers write.
	const snapshot = await store.db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			const scoped = createStore(trx);
			const [venues, events, festivals, tours] = [
				await scoped.venues.listPublic(),
				await scoped.events.listPublic(),
				await scoped.festivals.listPublic(),
				await scoped.tours.listPublic()
			];
			return snapshotOf({
				revision: await currentRevision(trx),
				venues,
				events,
				festivals,
				tours,
				holidays: await publishedHolidays(trx),
				settings: { map: publicMapSettings(), site: publicSiteSettings() },
				searchKeys: searchKeys({ venues, events, festivals, tours })
			});
		});
	cache.set(store, { revision: snapshot.revision, snapshot });
	return snapshot;
}
