import type OpeningHours from 'opening_hours';
import { holidayCalendar, type DayKind, type HolidayCalendar } from './holidays';
import type { Localized } from './localized';
import { parseOpeningHours } from './opening-hours-rule';
import { addDays, weekday, type LocalDate, type LocalDateTime } from './time';

/**
 * Opening hours, answered in Asia/Shanghai wall-clock time on any device, with China's real holiday
 * calendar. This is the one evaluation every page, list, map and the planner use.
 *
 * Time zone: the opening_hours library reads a Date's *local* fields. We hand it Dates whose local
 * fields are the Shanghai wall-clock time ("fake local") and read results back the same way, so the
 * device's zone cancels out. Only a wall-clock time that does not exist in the device's zone (the
 * skipped hour of a daylight-saving change, 02:00–03:00 on one night a year) can shift by an hour.
 *
 * Holidays: the library's Chinese holidays are incomplete (no lunar holidays, no 调休) and include
 * partial ones (Women's Day) that are not days off. So, day by day:
 * - on a holiday of the app's calendar, `PH` in the rule matches: it is rewritten to `Mo-Su`;
 * - on any other day `PH` must not match; where the library would still call the day a holiday, the
 *   same weekday one week later is evaluated instead (same weekday, same season);
 * - on a make-up workday (调休) the venue is open when it would be open on that weekday *or* on the
 *   working weekday it stands in for (Friday for a Saturday, Monday for a Sunday): an office with
 *   `Mo-Fr` hours works that day, a museum closed on Mondays still opens on a make-up Sunday.
 * - when the calendar does not cover the year, the library's own answer is used and flagged.
 */

export interface Interval {
	start: LocalDateTime;
	end: LocalDateTime;
}

export interface HoursAnswer {
	open: boolean;
	/** The rule says "unknown" (e.g. `open "by appointment"`) at this moment. */
	unknown: boolean;
	/** When the current state ends (closing time when open), within the next week. */
	until?: LocalDateTime;
	/** The next opening when closed, within the next two weeks. */
	nextOpen?: LocalDateTime;
	/** The rule's comment at this moment, e.g. "last entry 16:30". */
	comment?: string;
	/** The kind of day it is in the holiday calendar. */
	day: DayKind;
	holiday?: Localized;
	/** Set when the holiday calendar does not cover the date: holidays may be missing. */
	calendarMissing?: number;
	/** No rule at all: the place is always accessible (squares, toilets) or its hours are unknown. */
	noRule?: boolean;
	/**
	 * The open intervals this answer was read from, from the day before `at` for two weeks: a page
	 * left open can tell from them when the answer changes, without the rule or the calendar.
	 */
	intervals?: Interval[];
}

const cache = new Map<string, OpeningHours | null>();

function parsed(rule: string): OpeningHours | null {
	if (!cache.has(rule)) {
		const result = parseOpeningHours(rule);
		cache.set(rule, typeof result === 'string' ? null : result);
	}
	return cache.get(rule) ?? null;
}

function fakeLocal(t: LocalDateTime | LocalDate): Date {
	const [date, time = '00:00'] = t.split('T');
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(y, m - 1, d, hh, mm);
}

function fromFakeLocal(d: Date): LocalDateTime {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function shift(t: LocalDateTime, days: number): LocalDateTime {
	return `${addDays(t.slice(0, 10), days)}${t.slice(10)}`;
}

// The fixed dates the library (3.15) treats as Chinese public holidays, some of them partial.
const libraryHolidayDates = new Set([
	'01-01',
	'03-08',
	'05-01',
	'05-04',
	'06-01',
	'10-01',
	'10-02',
	'10-03'
]);

/** Whether the library would match `PH` on `date`. */
function libraryHoliday(date: LocalDate): boolean {
	return libraryHolidayDates.has(date.slice(5));
}

function intervalsOf(oh: OpeningHours, from: LocalDateTime, to: LocalDateTime): Interval[] {
	return oh
		.getOpenIntervals(fakeLocal(from), fakeLocal(to))
		.filter(([, , unknown]) => !unknown)
		.map(([s, e]) => ({ start: fromFakeLocal(s), end: fromFakeLocal(e) }));
}

/** Open intervals of one calendar day under the holiday rules above. */
function dayIntervals(rule: string, date: LocalDate, calendar: HolidayCalendar): Interval[] {
	const base = parsed(rule);
	if (!base) return [];
	const from = `${date}T00:00`;
	const to = `${addDays(date, 1)}T00:00`;
	const kind = calendar.dayKind(date);
	if (kind === 'unknown') return intervalsOf(base, from, to);
	if (kind === 'holiday') {
		const asHoliday = /\bPH\b/.test(rule) ? parsed(rule.replace(/\bPH\b/g, 'Mo-Su')) : base;
		return intervalsOf(asHoliday ?? base, from, to);
	}
	const ordinary = (d: LocalDate): Interval[] => {
		if (!/\bPH\b/.test(rule) || !libraryHoliday(d))
			return intervalsOf(base, `${d}T00:00`, `${addDays(d, 1)}T00:00`);
		const proxy = addDays(d, 7);
		return intervalsOf(base, `${proxy}T00:00`, `${addDays(proxy, 1)}T00:00`).map((i) => ({
			start: shift(i.start, -7),
			end: shift(i.end, -7)
		}));
	};
	const own = ordinary(date);
	if (kind !== 'workday') return own;
	const dow = weekday(date);
	const offset = dow === 6 ? -1 : dow === 0 ? 1 : 0;
	if (offset === 0) return own;
	const standIn = ordinary(addDays(date, offset)).map((i) => ({
		start: shift(i.start, -offset),
		end: shift(i.end, -offset)
	}));
	return mergeIntervals([...own, ...standIn]);
}

function mergeIntervals(intervals: Interval[]): Interval[] {
	const sorted = [...intervals].sort((a, b) => a.start.localeCompare(b.start));
	const merged: Interval[] = [];
	for (const i of sorted) {
		const last = merged[merged.length - 1];
		if (last && i.start <= last.end) {
			if (i.end > last.end) last.end = i.end;
		} else merged.push({ ...i });
	}
	return merged;
}

/** Open intervals between two dates (inclusive of `fromDate`, exclusive of `toDate`). */
export function openIntervals(
	rule: string,
	fromDate: LocalDate,
	toDate: LocalDate,
	calendar: HolidayCalendar = holidayCalendar([])
): Interval[] {
	const all: Interval[] = [];
	for (let d = fromDate; d < toDate; d = addDays(d, 1))
		all.push(...dayIntervals(rule, d, calendar));
	return mergeIntervals(all);
}

/** Is the place open at `at`, until when, and when does it next open. */
export function hoursAt(
	rule: string | undefined,
	at: LocalDateTime,
	calendar: HolidayCalendar = holidayCalendar([])
): HoursAnswer {
	const date = at.slice(0, 10);
	const day = calendar.dayKind(date);
	const common = {
		day,
		holiday: calendar.holidayName(date),
		calendarMissing: day === 'unknown' ? Number(date.slice(0, 4)) : undefined
	};
	const oh = rule ? parsed(rule) : null;
	if (!rule || !oh) return { open: !rule, unknown: !!rule, noRule: !rule, ...common };

	const horizon = addDays(date, 14);
	const intervals = openIntervals(rule, addDays(date, -1), horizon, calendar);
	const current = intervals.find((i) => i.start <= at && at < i.end);
	// Open past the end of the window we looked at (24/7, a square): no closing time to show.
	const endless = !!current && current.end >= `${horizon}T00:00`;
	const next = intervals.find((i) => i.start > at);
	const comment = oh.getComment(fakeLocal(at)) ?? undefined;
	return {
		open: !!current,
		unknown: oh.getUnknown(fakeLocal(at)),
		until: endless ? undefined : current ? current.end : next?.start,
		nextOpen: current ? undefined : next?.start,
		comment,
		intervals,
		...common
	};
}
