import type { Event } from '$lib/content/schemas';
import { guideDb, type Favourite } from './db';

export interface SavedChange {
	id: string;
	slug: string;
	title: string;
	change: 'cancelled' | 'postponed' | 'moved' | 'date-cancelled' | 'removed';
}

/**
 * Which saved events a sync changed in a way the visitor must know about: cancelled, postponed,
 * moved to another time, one of its dates cancelled (a new EXDATE, compared with the copy the
 * phone had before this sync), or withdrawn. Title edits and typo fixes are not news.
 */
export function savedChanges(
	favourites: Favourite[],
	updated: Map<string, Event>,
	deleted: Set<string>,
	previous: Map<string, Event> = new Map()
): SavedChange[] {
	const changes: SavedChange[] = [];
	for (const favourite of favourites) {
		if (favourite.type !== 'events') continue;
		const base = { id: favourite.id, slug: favourite.slug, title: favourite.seen.title };
		if (deleted.has(favourite.id)) {
			changes.push({ ...base, change: 'removed' });
			continue;
		}
		const event = updated.get(favourite.id);
		if (!event) continue;
		if (event.status === 'cancelled' && favourite.seen.status !== 'cancelled') {
			changes.push({ ...base, change: 'cancelled' });
		} else if (event.status === 'postponed' && favourite.seen.status !== 'postponed') {
			changes.push({ ...base, change: 'postponed' });
		} else if (favourite.seen.start && event.start !== favourite.seen.start) {
			changes.push({ ...base, change: 'moved' });
		} else if (newlyExcluded(previous.get(favourite.id), event)) {
			changes.push({ ...base, change: 'date-cancelled' });
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
					seen: { title: favourite.seen.title, start: event.start, status: event.status }
				});
			}
		}
		await db.meta.delete('notice');
	});
}
