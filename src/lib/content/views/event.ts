import { pick } from '../localized';
import { allStarts } from '../recurrence';
import type { Event } from '../schemas';
import type { Snapshot } from '../snapshot';
import { addMinutes, minutesBetween, type LocalDateTime } from '../time';
import {
	ViewNotFoundError,
	ViewParameterError,
	type ViewContext,
	type ViewParams
} from './context';

/** How many upcoming dates of a recurring event the page lists. */
export const otherDatesShown = 8;

export interface EventDate {
	start: LocalDateTime;
	end: LocalDateTime;
	/** A cancelled occurrence of a recurring event (an EXDATE). */
	cancelled: boolean;
}

/** Every occurrence of the event with its end, cancelled ones included and marked. */
function datesOf(event: Event): EventDate[] {
	const minutes = minutesBetween(event.start, event.end);
	const cancelled = new Set(event.exdates);
	return allStarts(event).map((start) => ({
		start,
		end: addMinutes(start, minutes),
		cancelled: cancelled.has(start)
	}));
}

/**
 * One event: the occurrence to show (the current or next one that takes place, else the last),
 * its venue, festival and other dates, plus the raw records that the add-to-calendar button turns
 * into an ICS file on the phone.
 */
export function eventView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	if (!params.slug) throw new ViewParameterError('slug', 'is required');
	const event = snap.eventBySlug(params.slug);
	if (!event || event.status === 'draft') {
		throw new ViewNotFoundError(`No event with slug ${params.slug}`);
	}
	const venue = snap.venue(event.venueId);
	const festival = snap.festival(event.festivalId);

	const dates = datesOf(event);
	const upcoming = dates.filter((d) => d.end > now);
	const shown = upcoming.find((d) => !d.cancelled) ?? dates.filter((d) => !d.cancelled).at(-1);
	const when = shown ?? dates[0];

	return {
		now,
		ended: !upcoming.some((d) => !d.cancelled),
		event: {
			id: event.id,
			slug: event.slug,
			title: pick(event.title, lang),
			summary: pick(event.summary, lang),
			description: pick(event.description, lang),
			status: event.status,
			statusReason: event.statusReason ? pick(event.statusReason, lang) : undefined,
			previousStart: event.previousStart,
			start: when.start,
			end: when.end,
			allDay: event.allDay,
			recurring: !!event.rrule,
			category: event.category,
			free: event.price.free,
			price: event.price.free ? undefined : pick(event.price.text, lang),
			amountCny: event.price.free ? 0 : event.price.amountCny,
			bookingUrl: event.bookingUrl,
			tags: event.tags,
			sample: event.sample,
			image: event.image ? { ...event.image, alt: pick(event.image.alt, lang) } : undefined
		},
		venue: venue
			? {
					slug: venue.slug,
					name: pick(venue.name, lang),
					kind: venue.kind,
					address: pick(venue.address, lang),
					positionApproximate: venue.positionApproximate
				}
			: undefined,
		position: venue?.position ?? event.position,
		festival: festival ? { slug: festival.slug, name: pick(festival.name, lang) } : undefined,
		/** A recurring event's next dates after the one shown, cancelled dates kept and marked. */
		otherDates: event.rrule
			? upcoming.filter((d) => d.start !== when.start).slice(0, otherDatesShown)
			: [],
		settings: snap.settings.map,
		/** The stored records, for building a single-event calendar file on the device. */
		record: event,
		venueRecord: venue
	};
}

export type EventView = ReturnType<typeof eventView>;
