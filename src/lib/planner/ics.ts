import ical, { ICalCalendarMethod } from 'ical-generator';
import { addAlarm, shanghaiVtimezone, wallClock } from '$lib/content/ics';
import { pick, type Language } from '$lib/content/localized';
import { addMinutes, shanghaiZone } from '$lib/content/time';
import type { DayPlan } from './day';
import { itemKey } from './plan';

/**
 * A day plan as an iCalendar file (RFC 5545), written like $lib/content/ics.ts writes events:
 * wall-clock times with TZID=Asia/Shanghai and a constant VTIMEZONE (no daylight saving since
 * 1991), so it is built in the browser, offline. Each entry's UID is derived from the plan's date
 * and the item, so exporting the plan again updates the entries in a calendar rather than
 * duplicating them.
 */

export function planEntryUid(date: string, key: string): string {
	return `plan-${date}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}@taibai-lake-guide`;
}

export interface PlanIcsOptions {
	lang: Language;
	/** Calendar name, e.g. "My day, 5 Dec". */
	name: string;
	/** Line added to each entry, e.g. "Planned with Taibai Lake Guide". */
	note?: string;
	/** "Visit: {name}" style title for venue visits. */
	visitTitle?: (name: string) => string;
	/** Title of the meal break, e.g. "Lunch break". */
	mealTitle?: string;
	/** When this file was made (DTSTAMP); now by default. */
	stamp?: Date;
	/** Minutes before each stop to remind, by the stop's item key; no alarm for a stop not listed. */
	alarmMinutes?: (key: string) => number | undefined;
	alarmText?: (title: string, minutes: number) => string;
}

export function planCalendar(view: DayPlan, options: PlanIcsOptions): string {
	const { lang } = options;
	const calendar = ical({
		name: options.name,
		prodId: {
			company: 'Taibai Lake Guide',
			product: 'plan',
			language: lang === 'en' ? 'EN' : 'ZH'
		},
		method: ICalCalendarMethod.PUBLISH
	});
	calendar.timezone({
		name: null,
		generator: (zone) => (zone === shanghaiZone ? shanghaiVtimezone : null)
	});
	const dayStart = `${view.date}T00:00`;
	for (const { day, visit } of view.rows) {
		const venue = day.venue ?? day.meal?.spot?.venue;
		const venueName = venue ? pick(venue.name, lang) : '';
		const title = day.meal
			? (options.mealTitle ?? 'Lunch')
			: day.event
				? pick(day.event.title, lang)
				: (options.visitTitle?.(venueName) ?? venueName);
		const key = itemKey(day.item);
		const entry = calendar.createEvent({
			id: planEntryUid(view.date, key),
			// RFC 5545: when this calendar object was created, not the epoch.
			stamp: options.stamp ?? new Date(),
			start: wallClock(addMinutes(dayStart, visit.start)),
			end: wallClock(addMinutes(dayStart, visit.end)),
			timezone: shanghaiZone,
			summary: title,
			description: options.note,
			location: day.position
				? {
						title: venueName || title,
						address: venue ? pick(venue.address, lang) : undefined,
						geo: { lat: day.position.lat, lon: day.position.lon }
					}
				: undefined
		});
		const minutes = options.alarmMinutes?.(key);
		if (minutes) addAlarm(entry, minutes, options.alarmText?.(title, minutes) ?? title);
	}
	return calendar.toString();
}
