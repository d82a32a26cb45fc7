import { holidayCalendar } from '$lib/content/holidays';
import { openAtSomePoint, openThroughout } from '$lib/content/open-during';
import type { EventInput, VenueInput } from '$lib/content/schemas';
import { addDays } from '$lib/content/time';
import { isDropIn } from '$lib/planner/clashes';
import { holidays2026 } from './holidays';

/**
 * The sample programme is dated relative to the seed day, so on some seed days a talk would land
 * on the museum's closed Monday. Each one-off event whose venue is closed then moves to the next
 * day on which its venue is open for it (a drop-in event: open at some point of it), at the same
 * time of day. Recurring events are left as written: their venues have no closed days.
 */
export function placeWhenOpen(events: EventInput[], venues: VenueInput[]): EventInput[] {
	const calendar = holidayCalendar([holidays2026]);
	const hours = new Map(venues.map((v) => [v.id, v.openingHours]));
	return events.map((event) => {
		const rule = hours.get(event.venueId ?? '');
		if (!rule || event.rrule) return event;
		const fits = isDropIn(event.start, event.end, event.allDay) ? openAtSomePoint : openThroughout;
		for (let days = 0; days <= 7; days++) {
			const start = shift(event.start, days);
			const end = shift(event.end, days);
			if (fits(rule, start, end, calendar)) return days === 0 ? event : { ...event, start, end };
		}
		return event;
	});
}

function shift(t: string, days: number): string {
	return `${addDays(t.slice(0, 10), days)}${t.slice(10)}`;
}
