import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import type { Event } from '$lib/content/schemas';
import { serverSnapshot } from '../content/snapshot';
import type { Store } from '../store';

/**
 * The public snapshot with one event as it would be if published now: a draft is shown as
 * published, and a draft venue or festival it points to is included. Nothing leaves the server;
 * the visitor view then renders it exactly as a phone would.
 */
export async function previewSnapshot(store: Store, event: Event): Promise<Snapshot> {
	const snap = await serverSnapshot(store);
	const shown: Event = event.status === 'draft' ? { ...event, status: 'published' } : event;
	const venue =
		event.venueId && !snap.venue(event.venueId)
			? await store.venues.getById(event.venueId)
			: undefined;
	const festival =
		event.festivalId && !snap.festival(event.festivalId)
			? await store.festivals.getById(event.festivalId)
			: undefined;
	return snapshotOf({
		revision: snap.revision,
		venues: venue ? [...snap.venues, venue] : snap.venues,
		events: [...snap.events.filter((e) => e.id !== event.id), shown],
		festivals: festival ? [...snap.festivals, festival] : snap.festivals,
		tours: snap.tours,
		holidays: snap.holidays,
		settings: snap.settings,
		searchKeys: snap.searchKeys
	});
}
