import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import { publishedHolidays } from '../holidays/repository';
import { publicMapSettings } from '../config';
import { searchKeys } from '../search/keys';
import { currentRevision } from './revision';
import type { Store } from '../store';

let cached: { revision: number; snapshot: Snapshot } | undefined;

/**
 * The public content as one in-memory snapshot, rebuilt only when the revision moves: pages are
 * rendered from it, so a page view costs one revision query, not a table scan.
 */
export async function serverSnapshot(store: Store): Promise<Snapshot> {
	const revision = await currentRevision(store.db);
	if (cached?.revision === revision) return cached.snapshot;
	const [venues, events, festivals, tours] = await Promise.all([
		store.venues.listPublic(),
		store.events.listPublic(),
		store.festivals.listPublic(),
		store.tours.listPublic()
	]);
	const snapshot = snapshotOf({
		revision,
		venues,
		events,
		festivals,
		tours,
		holidays: await publishedHolidays(store.db),
		settings: { map: publicMapSettings() },
		searchKeys: searchKeys({ venues, events, festivals, tours })
	});
	cached = { revision, snapshot };
	return snapshot;
}
