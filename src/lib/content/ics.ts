import { TZDate } from '@date-fns/tz';
import ical, {
	ICalAlarmRelatesTo,
	ICalAlarmType,
	ICalCalendarMethod,
	ICalEventStatus
} from 'ical-generator';
import { pick, type Language } from './localized';
import type { Event, Venue } from './schemas';
import { addDays, shanghaiZone } from './time';

/**
 * Asia/Shanghai has kept UTC+08:00 without daylight saving since 1991, so its VTIMEZONE is a
 * constant. Writing it here, rather than reading a zone file from disk, lets the same function
 * run in the browser (add to calendar works offline) and keeps a zone table out of the bundle.
 */
export const shanghaiVtimezone = [
	'BEGIN:VTIMEZONE',
	`TZID:${shanghaiZone}`,
	`X-LIC-LOCATION:${shanghaiZone}`,
	'BEGIN:STANDARD',
	'TZOFFSETFROM:+0800',
	'TZOFFSETTO:+0800',
	'TZNAME:CST',
	'DTSTART:19700101T000000',
	'END:STANDARD',
	'END:VTIMEZONE'
].join('\r\n');

/** UIDs must never change for an event (RFC 5545 §3.8.4.7) so calendar apps update, not duplicate. */
export function eventUid(event: Pick<Event, 'id'>): string {
	return `${event.id}@taibai-lake-guide`;
}

/** A Shanghai wall-clock time (or date) as a zoned date for ical-generator. */
export function wallClock(t: string): TZDate {
	const [date, time = '00:00'] = t.split('T');
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new TZDate(y, m - 1, d, hh, mm, shanghaiZone);
}

/** iCalendar DATE-TIME list value for EXDATE in the event's zone, e.g. 20261219T193000. */
function icsLocal(t: string): string {
	return t.replace(/[-:]/g, '') + '00';
}

export interface IcsOptions {
	name: string;
	lang: Language;
	/** Absolute origin for event links, e.g. https://guide.example.cn */
	origin?: string;
	venues: Map<string, Venue>;
	/**
	 * Minutes before each start a calendar app should remind (a VALARM), for every event or per
	 * event (the visitor's choice for each saved one); none when absent or 0.
	 */
	alarmMinutes?: number | ((event: Event) => number);
	/** Words of the reminder's text, e.g. "Starts in {minutes} minutes: {title}". */
	alarmText?: (title: string, minutes: number) => string;
	/** Words of an all-day event's morning reminder, e.g. "Today: {title}". */
	allDayAlarmText?: (title: string) => string;
}

/**
 * An all-day event has no start time a visitor can act on: its midnight start would ring the night
 * before. Like the calendar apps' own all-day default, it reminds on the morning of each day instead,
 * the lead time before 09:00 (floating, so 09:00 wherever the phone is, as the date itself is).
 */
export const allDayReminderAt = 9 * 60;

/**
 * A display alarm `minutes` before the start: calendar apps (iOS, Android, Outlook) then remind
 * the visitor on their own, even with the app closed and offline. Relative to the start, so each
 * occurrence of a recurring event reminds too.
 */
export function addAlarm(
	event: ReturnType<ReturnType<typeof ical>['createEvent']>,
	minutes: number,
	text: string,
	allDay = false
): void {
	const before = allDay ? minutes - allDayReminderAt : minutes;
	const alarm = event.createAlarm({
		type: ICalAlarmType.display,
		trigger: before * 60,
		description: text
	});
	// ical-generator writes a trigger after the start as RELATED=END (relative to the end) unless
	// told otherwise, and its constructor ignores `relatesTo`, so it is set here.
	if (before < 0) alarm.relatesTo(ICalAlarmRelatesTo.start);
}

/**
 * An RFC 5545 calendar of events: times carry TZID=Asia/Shanghai with a VTIMEZONE, recurring events
 * keep their RRULE and cancelled dates as EXDATE, and cancelled events say STATUS:CANCELLED so a
 * subscribed calendar removes or strikes them.
 */
export function eventsCalendar(events: Event[], options: IcsOptions): string {
	const { lang, venues } = options;
	const calendar = ical({
		name: options.name,
		prodId: {
			company: 'Taibai Lake Guide',
			product: 'events',
			language: lang === 'en' ? 'EN' : 'ZH'
		},
		method: ICalCalendarMethod.PUBLISH,
		ttl: 60 * 60
	});
	// A null name keeps DTSTAMP in UTC while still emitting the VTIMEZONE of each event's zone.
	calendar.timezone({
		name: null,
		generator: (zone) => (zone === shanghaiZone ? shanghaiVtimezone : null)
	});

	for (const event of events) {
		const venue = event.venueId ? venues.get(event.venueId) : undefined;
		const position = venue?.position ?? event.position;
		const rules = [
			event.rrule ? `RRULE:${event.rrule}` : '',
			event.rrule && event.exdates.length
				? `EXDATE;TZID=${shanghaiZone}:${event.exdates.map(icsLocal).join(',')}`
				: ''
		].filter(Boolean);
		const description = [pick(event.summary, lang), pick(event.statusReason, lang)]
			.filter(Boolean)
			.join('\n\n');
		const entry = calendar.createEvent({
			id: eventUid(event),
			sequence: event.version,
			stamp: new Date(event.updatedAt),
			start: event.allDay ? wallClock(event.start.slice(0, 10)) : wallClock(event.start),
			end: event.allDay
				? wallClock(addDays(event.end.slice(0, 10), event.end.slice(11) === '00:00' ? 0 : 1))
				: wallClock(event.end),
			allDay: event.allDay,
			timezone: shanghaiZone,
			summary: pick(event.title, lang),
			description,
			location: venue
				? {
						title: pick(venue.name, lang),
						address: pick(venue.address, lang),
						geo: position ? { lat: position.lat, lon: position.lon } : undefined
					}
				: undefined,
			url: options.origin ? `${options.origin}/events/${event.slug}` : undefined,
			categories: [{ name: event.category }],
			status: event.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			repeating: rules.length ? rules.join('\n') : null
		});
		const minutes =
			typeof options.alarmMinutes === 'function'
				? options.alarmMinutes(event)
				: options.alarmMinutes;
		// A cancelled event reminds nobody.
		if (minutes && event.status !== 'cancelled') {
			const title = pick(event.title, lang);
			addAlarm(
				entry,
				minutes,
				(event.allDay ? options.allDayAlarmText?.(title) : options.alarmText?.(title, minutes)) ??
					title,
				event.allDay
			);
		}
	}
	return calendar.toString();
}
