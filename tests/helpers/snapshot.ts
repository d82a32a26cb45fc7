import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import type { Event, Festival, Tour, Venue } from '$lib/content/schemas';
import { sampleContent } from '$lib/server/seed';
import { holidays2026 } from '$lib/server/seed/data/holidays';

const stored = { revision: 1, version: 1, updatedAt: '2026-11-28T00:00:00.000Z' };

/** The sample content as a phone would hold it, seeded on `today`: for testing views. */
export function sampleSnapshot(today = '2026-11-28'): Snapshot {
	const content = sampleContent(today);
	return snapshotOf({
		revision: 1,
		venues: content.venues.map((v) => ({ ...v, ...stored }) as Venue),
		events: content.events.map((e) => ({ ...e, ...stored }) as Event),
		festivals: content.festivals.map((f) => ({ ...f, ...stored }) as Festival),
		tours: content.tours.map((t) => ({ ...t, ...stored }) as Tour),
		holidays: [holidays2026],
		settings: {
			map: { source: 'osm', attribution: '© OpenStreetMap contributors', bulkDownload: false }
		}
	});
}
