import { pick } from '../localized';
import { narrationView } from './narration';
import { openIntervals } from '../opening-hours';
import { practicalKinds } from '../schemas';
import type { Snapshot } from '../snapshot';
import { addDays, type LocalDate } from '../time';
import { eventCard, openState } from './cards';
import {
	ViewNotFoundError,
	ViewParameterError,
	type ViewContext,
	type ViewParams
} from './context';

/** How far ahead a venue page lists events, and how many days its week of hours shows. */
export const venueEventDays = 14;
export const venueWeekDays = 7;

export interface HoursDay {
	date: LocalDate;
	today: boolean;
	/** Opening intervals as wall-clock times of that day; `24:00` when open past midnight. */
	intervals: { from: string; to: string }[];
	/** Open from midnight to midnight. */
	allDay: boolean;
	holiday?: string;
	/** A weekend day that is a working day (调休). */
	workday: boolean;
	/** The holiday calendar does not cover this day's year. */
	calendarMissing: boolean;
}

/** The next days' opening hours, each day evaluated on its own with the holiday calendar. */
function week(
	snap: Snapshot,
	rule: string,
	today: LocalDate,
	lang: ViewContext['lang']
): HoursDay[] {
	return Array.from({ length: venueWeekDays }, (_, i) => {
		const date = addDays(today, i);
		const next = addDays(date, 1);
		const intervals = openIntervals(rule, date, next, snap.calendar).map((interval) => ({
			from: interval.start.slice(0, 10) < date ? '00:00' : interval.start.slice(11, 16),
			to: interval.end.slice(0, 10) > date ? '24:00' : interval.end.slice(11, 16)
		}));
		const kind = snap.calendar.dayKind(date);
		const name = snap.calendar.holidayName(date);
		return {
			date,
			today: i === 0,
			intervals,
			allDay:
				intervals.length === 1 && intervals[0].from === '00:00' && intervals[0].to === '24:00',
			holiday: kind === 'holiday' && name ? pick(name, lang) : undefined,
			workday: kind === 'workday',
			calendarMissing: kind === 'unknown'
		};
	});
}

/** Everything about one venue: hours as a week, tickets, facilities, events there, map. */
export function venueView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	if (!params.slug) throw new ViewParameterError('slug', 'is required');
	const venue = snap.venueBySlug(params.slug);
	if (!venue || venue.status !== 'published') {
		throw new ViewNotFoundError(`No venue ${params.slug}`);
	}
	const today = now.slice(0, 10);
	const events = snap
		.occurrencesBetween(now, `${addDays(today, venueEventDays)}T00:00`)
		.filter((o) => o.event.venueId === venue.id && o.event.status !== 'draft')
		.map((o) => eventCard(snap, o, lang));
	return {
		now,
		id: venue.id,
		slug: venue.slug,
		name: pick(venue.name, lang),
		kind: venue.kind,
		practical: practicalKinds.includes(venue.kind),
		summary: pick(venue.summary, lang),
		description: pick(venue.description, lang),
		address: pick(venue.address, lang),
		position: venue.position,
		positionApproximate: venue.positionApproximate,
		sample: venue.sample,
		photos: venue.photos.map((photo) => ({ ...photo, alt: pick(photo.alt, lang) })),
		state: openState(snap, venue, now, lang),
		/** The raw opening_hours rule, for machines (JSON-LD); people read `week`. */
		openingHours: venue.openingHours ?? null,
		week: venue.openingHours ? week(snap, venue.openingHours, today, lang) : null,
		hoursNote: venue.hoursNote ? pick(venue.hoursNote, lang) : undefined,
		price: venue.price
			? venue.price.free
				? { free: true as const }
				: {
						free: false as const,
						text: pick(venue.price.text, lang),
						amountCny: venue.price.amountCny
					}
			: undefined,
		facilities: venue.facilities,
		accessibility: venue.accessibility ? pick(venue.accessibility, lang) : undefined,
		phone: venue.phone,
		website: venue.website,
		visitMinutes: venue.visitMinutes,
		events,
		narration: narrationView(
			{
				key: `venues:${venue.id}`,
				title: pick(venue.name, lang),
				recordings: venue.narration,
				text: venue.description,
				image: venue.photos[0]
			},
			lang
		),
		settings: snap.settings.map
	};
}

export type VenueView = ReturnType<typeof venueView>;
