import { pick, type Language } from '../localized';
import { hoursAt } from '../opening-hours';
import type {
	EventCategory,
	EventStatus,
	Festival,
	Tour,
	TourMode,
	Venue,
	VenueKind
} from '../schemas';
import type { OccurrenceOf, Snapshot } from '../snapshot';
import { addDays, type LocalDate, type LocalDateTime } from '../time';
import type { OpenState } from './open-state';

export { openStateAt, type OpenState } from './open-state';

/** The small, language-resolved shapes that lists and cards render. */
export interface EventCard {
	id: string;
	slug: string;
	title: string;
	start: LocalDateTime;
	end: LocalDateTime;
	allDay: boolean;
	status: EventStatus;
	statusReason?: string;
	venue?: { slug: string; name: string };
	festival?: { slug: string; name: string };
	category: EventCategory;
	free: boolean;
	price?: string;
	recurring: boolean;
}

export function eventCard(snap: Snapshot, o: OccurrenceOf, lang: Language): EventCard {
	const { event } = o;
	const venue = snap.venue(event.venueId);
	const festival = snap.festival(event.festivalId);
	return {
		id: event.id,
		slug: event.slug,
		title: pick(event.title, lang),
		start: o.start,
		end: o.end,
		allDay: event.allDay,
		status: event.status,
		statusReason: event.statusReason ? pick(event.statusReason, lang) : undefined,
		venue: venue ? { slug: venue.slug, name: pick(venue.name, lang) } : undefined,
		festival: festival ? { slug: festival.slug, name: pick(festival.name, lang) } : undefined,
		category: event.category,
		free: event.price.free,
		price: event.price.free ? undefined : pick(event.price.text, lang),
		recurring: !!event.rrule
	};
}

/** How far ahead a state carries its intervals: enough for "opens Tuesday 09:00". */
const stateDays = 8;

export function openState(
	snap: Snapshot,
	venue: Venue,
	now: LocalDateTime,
	lang: Language
): OpenState {
	const answer = hoursAt(venue.openingHours, now, snap.calendar);
	const alwaysOpen = answer.noRule || (answer.open && !answer.until);
	const horizon = `${addDays(now.slice(0, 10), stateDays)}T00:00`;
	return {
		open: answer.open,
		until: answer.until,
		nextOpen: answer.nextOpen,
		alwaysOpen,
		holiday: answer.holiday ? pick(answer.holiday, lang) : undefined,
		calendarMissing: answer.calendarMissing,
		intervals: alwaysOpen
			? undefined
			: answer.intervals
					?.filter((i) => i.end > now && i.start < horizon)
					.map(({ start, end }) => ({ start, end }))
	};
}

export interface VenueCard {
	id: string;
	slug: string;
	name: string;
	kind: VenueKind;
	summary: string;
	free?: boolean;
	position: { lat: number; lon: number };
	state: OpenState;
}

export function venueCard(
	snap: Snapshot,
	venue: Venue,
	now: LocalDateTime,
	lang: Language
): VenueCard {
	return {
		id: venue.id,
		slug: venue.slug,
		name: pick(venue.name, lang),
		kind: venue.kind,
		summary: pick(venue.summary, lang),
		free: venue.price?.free,
		position: venue.position,
		state: openState(snap, venue, now, lang)
	};
}

export interface TourCard {
	id: string;
	slug: string;
	name: string;
	theme: string;
	summary: string;
	modes: TourMode[];
	distanceM: number;
	durationMinutes: number;
	stopCount: number;
	featured: boolean;
}

export function tourCard(tour: Tour, lang: Language): TourCard {
	return {
		id: tour.id,
		slug: tour.slug,
		name: pick(tour.name, lang),
		theme: pick(tour.theme, lang),
		summary: pick(tour.summary, lang),
		modes: tour.modes,
		distanceM: tour.distanceM,
		durationMinutes: tour.durationMinutes,
		stopCount: tour.stops.length,
		featured: tour.featured
	};
}

export interface FestivalCard {
	slug: string;
	name: string;
	summary: string;
	startDate: LocalDate;
	endDate: LocalDate;
	/** running: today is inside its dates. */
	running: boolean;
}

export function festivalCard(festival: Festival, today: LocalDate, lang: Language): FestivalCard {
	return {
		slug: festival.slug,
		name: pick(festival.name, lang),
		summary: pick(festival.summary, lang),
		startDate: festival.startDate,
		endDate: festival.endDate,
		running: festival.startDate <= today && today <= festival.endDate
	};
}
