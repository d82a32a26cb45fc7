import type { Localized } from '$lib/content/localized';
import type { Event } from '$lib/content/schemas';
import type { LocalDateTime } from '$lib/content/time';
import { guideDb, type Favourite } from './db';

export interface SavedChange {
	id: string;
	slug: string;
	title: string;
	change: 'cancelled' | 'postponed' | 'moved' | 'date-cancelled' | 'removed';
	/** The editor's reason (the event's status reason), when they gave one. */
	reason?: Localized;
	/** The new start, when the time moved (or a postponed event has its new date). */
	start?: LocalDateTime;
	/** The new place, when the venue changed. */
	venue?: { slug: string; name: Localized };
}

/** What the phone knows of a venue, to name a new place. */
export type VenueNames = Map<string, { slug: string; name: Localized }>;

/** How the visitor last saw an event: the saved copy's, else the phone's copy before this sync. */
interface Seen {
	title: string;
	start?: string;
	status?: string;
	venueId?: string;
}

/**
 * Which saved or planned events a sync changed in a way the visitor must know about: cancelled,
 * postponed, moved to another time or place, one of its dates cancelled (a new EXDATE, compared
 * with the copy the phone had before this sync), or withdrawn. Title edits and typo fixes are not
 * news. A saved event is compared with how it looked when saved (until the visitor reads the
 * news); a planned one with the phone's previous copy.
 */
export function savedChanges(
	favourites: Favourite[],
	updated: Map<string, Event>,
	deleted: Set<string>,
	previous: Map<string, Event> = new Map(),
	planned: Set<string> = new Set(),
	venues: VenueNames = new Map()
): SavedChange[] {
	const watched = new Map<string, { slug: string; seen: Seen }>();
	for (const id of planned) {
		const before = previous.get(id);
		if (!before) continue;
		watched.set(id, {
			slug: before.slug,
			seen: { title: before.title.zh, start: before.start, status: before.status }
		});
	}
	for (const favourite of favourites) {
		if (favourite.type !== 'events') continue;
		watched.set(favourite.id, { slug: favourite.slug, seen: favourite.seen });
	}
	const changes: SavedChange[] = [];
	for (const [id, { slug, seen }] of watched) {
		const base = { id, slug, title: seen.title };
		if (deleted.has(id)) {
			changes.push({ ...base, change: 'removed' });
			continue;
		}
		const event = updated.get(id);
		if (!event) continue;
		const before = previous.get(id);
		const reason = event.statusReason ? { reason: event.statusReason } : {};
		const movedTime = !!seen.start && event.start !== seen.start;
		const venueId = seen.venueId ?? before?.venueId;
		const movedPlace = !!event.venueId && !!venueId && event.venueId !== venueId;
		const start = movedTime ? { start: event.start } : {};
		const place = movedPlace && venues.get(event.venueId!);
		const venue = place ? { venue: place } : {};
		if (event.status === 'cancelled' && seen.status !== 'cancelled') {
			changes.push({ ...base, change: 'cancelled', ...reason });
		} else if (event.status === 'postponed' && seen.status !== 'postponed') {
			changes.push({ ...base, change: 'postponed', ...reason, ...start, ...venue });
		} else if (movedTime || movedPlace) {
			changes.push({ ...base, change: 'moved', ...reason, ...start, ...venue });
		} else if (newlyExcluded(before, event)) {
			changes.push({ ...base, change: 'date-cancelled', ...reason });
		}
	}
	return changes;
}

/** Whether a repeating event lost a date it still had in the phone's previous copy. */
function newlyExcluded(before: Event | undefined, after: Event): boolean {
	if (!before || !after.rrule) return false;
	const known = new Set(before.exdates);
	return after.exdates.some((date) => !known.has(date));
}

/** The event ids in the visitor's day plans (stored whole; read defensively, never written). */
export function plannedEventIds(plans: { plan: unknown }[]): Set<string> {
	const ids = new Set<string>();
	for (const { plan } of plans) {
		const items = (plan as { items?: unknown } | null)?.items;
		if (!Array.isArray(items)) continue;
		for (const item of items.slice(0, 100)) {
			if (item?.type === 'event' && typeof item.id === 'string') ids.add(item.id);
		}
	}
	return ids;
}

/** The visitor has read the news: remember the new state of those events as seen. */
export async function dismissSavedChanges(): Promise<void> {
	const db = guideDb();
	await db.transaction('rw', [db.meta, db.favourites, db.events], async () => {
		const notice = ((await db.meta.get('notice'))?.value as SavedChange[] | undefined) ?? [];
		for (const change of notice) {
			const event = await db.events.get(change.id);
			const favourite = await db.favourites.get(['events', change.id] as never);
			if (favourite && event) {
				await db.favourites.put({
					...favourite,
					seen: {
						title: favourite.seen.title,
						start: event.start,
						status: event.status,
						venueId: event.venueId
					}
				});
			}
		}
		await db.meta.delete('notice');
	});
}
