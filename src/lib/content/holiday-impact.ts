import { holidayCalendar, type HolidayYear } from './holidays';
import { openIntervals } from './opening-hours';
import type { Venue } from './schemas';
import { addDays, type LocalDate } from './time';

export interface HoursChange {
	date: LocalDate;
	/** "09:00–17:00" or "" for closed, without and with the calendar. */
	usual: string;
	withCalendar: string;
}

export interface VenueImpact {
	id: string;
	slug: string;
	name: string;
	changes: HoursChange[];
}

function describe(rule: string, date: LocalDate, calendar = holidayCalendar([])): string {
	return openIntervals(rule, date, addDays(date, 1), calendar)
		.map((i) => `${i.start.slice(11)}–${i.end.slice(11)}`)
		.join(', ');
}

/**
 * Which venues' hours a year's holidays and make-up workdays change, day by day, compared with an
 * ordinary week: what an admin checks before publishing next year's schedule.
 */
export function holidayImpact(venues: Venue[], year: HolidayYear): VenueImpact[] {
	const calendar = holidayCalendar([year]);
	const days = new Set<LocalDate>(year.workdays);
	for (const h of year.holidays) for (let d = h.start; d <= h.end; d = addDays(d, 1)) days.add(d);
	const sorted = [...days].sort();
	const impacts: VenueImpact[] = [];
	for (const venue of venues) {
		if (!venue.openingHours) continue;
		const changes = sorted
			.map((date) => ({
				date,
				usual: describe(venue.openingHours as string, date),
				withCalendar: describe(venue.openingHours as string, date, calendar)
			}))
			.filter((c) => c.usual !== c.withCalendar);
		if (changes.length)
			impacts.push({ id: venue.id, slug: venue.slug, name: venue.name.zh, changes });
	}
	return impacts;
}

/** Lines "名称 | English name | YYYY-MM-DD | YYYY-MM-DD" as an editor types them, into ranges. */
export function parseHolidayLines(text: string): HolidayYear['holidays'] {
	return text
		.split('\n')
		.map((line) => line.trim())
		.filter(Boolean)
		.map((line) => {
			const [zh = '', en = '', start = '', end = ''] = line.split('|').map((part) => part.trim());
			return { name: { zh, en: en || undefined }, start, end: end || start };
		});
}

/** Dates separated by spaces, commas or new lines. */
export function parseDates(text: string): string[] {
	return text.split(/[\s,，、]+/).filter(Boolean);
}

export function holidayLines(year: HolidayYear): string {
	return year.holidays
		.map((h) => `${h.name.zh} | ${h.name.en ?? ''} | ${h.start} | ${h.end}`)
		.join('\n');
}
