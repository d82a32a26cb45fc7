import { pick, type Language } from '$lib/content/localized';
import type { Event } from '$lib/content/schemas';
import type { Snapshot } from '$lib/content/snapshot';
import { addDays, type LocalDate, type LocalDateTime } from '$lib/content/time';
import { clashes, isDropIn, type Clash } from './clashes';
import type { TravelMode } from './travel';

/**
 * The visitor's agenda: the occurrences of their saved events, day by day, with what changed since
 * they saved them (cancelled, postponed, moved, removed) and the clashes between them. Saved records
 * are read, never written: the phone's mirror is the truth about events, the saved record only
 * remembers how the event looked when saved.
 */

/** A saved record as the offline layer keeps it (structurally; no Dexie here). */
export interface SavedRef {
	type: 'events' | 'venues' | 'tours';
	id: string;
	slug: string;
	seen: { title: string; start?: string; status?: string };
}

export type AgendaFlag = 'cancelled' | 'postponed' | 'moved';

export interface AgendaEntryView {
	key: string;
	id: string;
	slug: string;
	title: string;
	start: LocalDateTime;
	end: LocalDateTime;
	allDay: boolean;
	dropIn: boolean;
	venue?: string;
	flag?: AgendaFlag;
	/** The start it had when saved, for a moved event. */
	was?: string;
}

export interface AgendaDay {
	date: LocalDate;
	entries: AgendaEntryView[];
	clashes: Clash[];
}

export interface Agenda {
	days: AgendaDay[];
	/** Saved events the guide no longer has. */
	removed: SavedRef[];
}

export function agenda(
	snap: Snapshot,
	saved: SavedRef[],
	options: { today: LocalDate; days: number; mode: TravelMode; lang: Language }
): Agenda {
	const { today, days, mode, lang } = options;
	const events = new Map(snap.events.map((e) => [e.id, e]));
	const removed: SavedRef[] = [];
	const byDay = new Map<LocalDate, { entry: AgendaEntryView; event: Event }[]>();
	const from = `${today}T00:00`;
	const to = `${addDays(today, days)}T00:00`;
	for (const ref of saved) {
		if (ref.type !== 'events') continue;
		const event = events.get(ref.id);
		if (!event || event.status === 'draft') {
			removed.push(ref);
			continue;
		}
		const venue = snap.venue(event.venueId);
		const flag: AgendaFlag | undefined =
			event.status === 'cancelled'
				? 'cancelled'
				: event.status === 'postponed'
					? 'postponed'
					: ref.seen.start && ref.seen.start !== event.start
						? 'moved'
						: undefined;
		for (const o of snap.occurrencesBetween(from, to).filter((x) => x.event.id === event.id)) {
			const date = o.start < from ? today : o.start.slice(0, 10);
			const entry: AgendaEntryView = {
				key: `${event.id}@${o.start}`,
				id: event.id,
				slug: event.slug,
				title: pick(event.title, lang),
				start: o.start,
				end: o.end,
				allDay: event.allDay,
				dropIn: isDropIn(o.start, o.end, event.allDay),
				venue: venue ? pick(venue.name, lang) : undefined,
				flag,
				was: flag === 'moved' ? ref.seen.start : undefined
			};
			const list = byDay.get(date) ?? [];
			list.push({ entry, event });
			byDay.set(date, list);
		}
	}
	const result: AgendaDay[] = [...byDay.entries()]
		.sort(([a], [b]) => a.localeCompare(b))
		.map(([date, list]) => {
			list.sort((a, b) => a.entry.start.localeCompare(b.entry.start));
			const timed = list
				.filter(({ entry }) => !entry.dropIn && entry.flag !== 'cancelled')
				.map(({ entry, event }) => ({
					key: entry.key,
					start: entry.start,
					end: entry.end,
					position: snap.venue(event.venueId)?.position ?? event.position
				}));
			return { date, entries: list.map((l) => l.entry), clashes: clashes(timed, mode) };
		});
	return { days: result, removed };
}
