import type { EventView } from '$lib/content/views/event';
import type { EventStatus } from '$lib/content/schemas';

/** schema.org eventStatus values (https://schema.org/EventStatusType). */
const statuses: Partial<Record<EventStatus, string>> = {
	published: 'https://schema.org/EventScheduled',
	cancelled: 'https://schema.org/EventCancelled',
	postponed: 'https://schema.org/EventPostponed'
};

/** A Shanghai wall-clock time as ISO 8601 with its fixed offset; an all-day event is a date. */
function isoTime(t: string, allDay: boolean): string {
	return allDay ? t.slice(0, 10) : `${t}:00+08:00`;
}

/**
 * The schema.org Event that search engines read: times carry +08:00 (Shanghai has no daylight
 * saving), a postponed event keeps its original start as previousStartDate.
 */
export function eventJsonLd(
	view: EventView,
	{ url, origin, organizer }: { url: string; origin: string; organizer: string }
): Record<string, unknown> {
	const { event, venue, position } = view;
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: event.title,
		description: event.summary,
		url,
		startDate: isoTime(event.start, event.allDay),
		endDate: isoTime(event.end, event.allDay),
		// schema.org: EventPostponed while the new date is unknown, EventRescheduled once it is set
		// (our postponed events carry their new start, and the old one as previousStart).
		eventStatus:
			event.status === 'postponed' && event.previousStart
				? 'https://schema.org/EventRescheduled'
				: (statuses[event.status] ?? statuses.published),
		...(event.status === 'postponed' && event.previousStart
			? { previousStartDate: isoTime(event.previousStart, event.allDay) }
			: {}),
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: {
			'@type': 'Place',
			name: venue?.name ?? event.title,
			address: {
				'@type': 'PostalAddress',
				streetAddress: venue?.address ?? '',
				addressLocality: 'Jining',
				addressRegion: 'Shandong',
				addressCountry: 'CN'
			},
			...(position
				? { geo: { '@type': 'GeoCoordinates', latitude: position.lat, longitude: position.lon } }
				: {})
		},
		...(event.free ? { isAccessibleForFree: true } : {}),
		offers: {
			'@type': 'Offer',
			url: event.bookingUrl ?? url,
			priceCurrency: 'CNY',
			...(event.free
				? { price: 0 }
				: event.amountCny !== undefined
					? { price: event.amountCny }
					: {}),
			...(event.price ? { description: event.price } : {}),
			...(event.status === 'cancelled' || view.ended
				? {}
				: { availability: 'https://schema.org/InStock' })
		},
		organizer: { '@type': 'Organization', name: organizer, url: origin }
	};
}
