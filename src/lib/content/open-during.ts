import { holidayCalendar, type HolidayCalendar } from './holidays';
import { openIntervals } from './opening-hours';
import { addDays, type LocalDateTime } from './time';

/**
 * Whether a venue is open for a stretch of time, by the app's one holiday-aware evaluation of
 * opening hours. A place without a rule is always accessible.
 */

/** Open for the whole of [start, end): the span lies inside one open interval. */
export function openThroughout(
	rule: string | undefined,
	start: LocalDateTime,
	end: LocalDateTime,
	calendar: HolidayCalendar = holidayCalendar([])
): boolean {
	if (!rule) return true;
	return intervalsAround(rule, start, end, calendar).some((i) => i.start <= start && end <= i.end);
}

/** Open at some moment of [start, end): enough for a drop-in event such as an exhibition. */
export function openAtSomePoint(
	rule: string | undefined,
	start: LocalDateTime,
	end: LocalDateTime,
	calendar: HolidayCalendar = holidayCalendar([])
): boolean {
	if (!rule) return true;
	return intervalsAround(rule, start, end, calendar).some((i) => i.start < end && start < i.end);
}

function intervalsAround(
	rule: string,
	start: LocalDateTime,
	end: LocalDateTime,
	calendar: HolidayCalendar
) {
	return openIntervals(rule, start.slice(0, 10), addDays(end.slice(0, 10), 1), calendar);
}
