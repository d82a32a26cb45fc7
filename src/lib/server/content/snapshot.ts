import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import { publishedHolidays } from '../holidays/repository';
import { publicMapSettings, publicSiteSettings } from '../config';
import { searchKeys } from '../search/keys';
import { currentRevision } from './revision';
import { revisionClock } from './revision-clock';
import { createStore, type Store } from '../store';

// Per store, so tests that open several stores (SQLite and PostgreSQL) never share a snapshot.
const cache = new WeakMap<Store, { revision: number; snapshot: Snapshot }>();
// Pages rendering at once after a publish share one build.
const building = new WeakMap<Store, Promise<Snapshot>>();

/**
 * The public content as one in-memory snapshot, rebuilt only when the revision moves: pages are
 * rendered from it, and the revision comes from memory (content/revision-clock.ts), so a page view
 * costs no query at all. A snapshot built newer than the clock's reading (another server wrote
 * meanwhile) is as good as current.
 */
export async function serverSnapshot(store: Store): Promise<Snapshot> {
	const { revision } = await revisionClock(store.db).read();
	const cached = cache.get(store);
	if (cached && cached.revision >= revision) return cached.snapshot;
	const pending = building.get(store);
	if (pending) {
		const snapshot = await pending;
		if (snapshot.revision >= revision) return snapshot;
	}
	const build = buildSnapshot(store).finally(() => {
		if (building.get(store) === build) building.delete(store);
	});
	building.set(store, build);
	return build;
}

async function buildSnapshot(store: Store): Promise<Snapshot> {
	// Built from one REPEATABLE READ snapshot, so on PostgreSQL the rows match the revision they
	// are cached under even while other app servers write.
	const snapshot = await store.db
		.transaction()
		.setIsolationLevel('repeatable read')
		.setAccessMode('read only')
		.execute(async (trx) => {
			const scoped = createStore(trx);
			const [venues, events, festivals, tours, notices] = [
				await scoped.venues.listPublic(),
				await scoped.events.listPublic(),
				await scoped.festivals.listPublic(),
				await scoped.tours.listPublic(),
				await scoped.notices.listPublic()
			];
			return snapshotOf({
				revision: await currentRevision(trx),
				venues,
				events,
				festivals,
				tours,
				notices,
				holidays: await publishedHolidays(trx),
				settings: { map: publicMapSettings(), site: publicSiteSettings() },
				searchKeys: searchKeys({ venues, events, festivals, tours })
			});
		});
	if (snapshot.revision >= (cache.get(store)?.revision ?? -1)) {
		cache.set(store, { revision: snapshot.revision, snapshot });
	}
	return snapshot;
}
