import type { HolidayYear } from '$lib/content/holidays';
import type { MapSettings } from '$lib/content/map-settings';
import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import type { GuideDb } from './db';
import { readSyncMeta } from './mirror';

let cached: { revision: number; snapshot: Snapshot } | undefined;

/** The mirror as a snapshot for the views, rebuilt only when a sync moved the revision. */
export async function localSnapshot(db: GuideDb): Promise<Snapshot | undefined> {
	return db.transaction(
		'r',
		[db.venues, db.events, db.festivals, db.tours, db.notices, db.meta],
		async () => {
			const meta = await readSyncMeta(db);
			if (!meta?.revision) return undefined;
			if (cached?.revision === meta.revision) return cached.snapshot;
			const [venues, events, festivals, tours, notices, holidays, settings, keys] =
				await Promise.all([
					db.venues.toArray(),
					db.events.toArray(),
					db.festivals.toArray(),
					db.tours.toArray(),
					db.notices.toArray(),
					db.meta.get('holidays'),
					db.meta.get('settings'),
					db.meta.get('searchKeys')
				]);
			const snapshot = snapshotOf({
				revision: meta.revision,
				venues,
				events,
				festivals,
				tours,
				notices,
				holidays: (holidays?.value as HolidayYear[] | undefined) ?? [],
				settings: settings?.value as { map: MapSettings },
				searchKeys: keys?.value as Record<string, string> | undefined
			});
			cached = { revision: meta.revision, snapshot };
			return snapshot;
		}
	);
}
