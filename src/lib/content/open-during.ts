import { holidayCalendar, type HolidayCalendar } from './holidays';
import { openIntervals, type Interval } from './opening-hours';
import { addDays, type LocalDateTime } from './time';

/**
 * Whether a venue is open for a stretch of time, by the app's one holiday-aware evaluation of
 * opening hours. A place without a rule is always accessible.
 */

type Test = (open: Interval, start: LocalDateTime, end: LocalDateTime) => boolean;

function openFor(test: Test) {
	return (
		rule: string | undefined,
		start: LocalDateTime,
		end: LocalDateTime,
		calendar: HolidayCalendar = holidayCalendar([])
	): boolean => {
		if (!rule) return true;
		const days = openIntervals(rule, start.slice(0, 10), addDays(end.slice(0, 10), 1), calendar);
		return days.some((open) => test(open, start, end));
	};
}

/** Open for the whole of [start, end): the span lies inside one open interval. */
export const openThroughout = openFor((i, start, end) => i.start <= start && end <= i.end);

/** Open at some moment of [start, end): enough for a drop-in event such as an exhibition. */
export const openAtSomePoint = openFor((i, start, end) => i.start < end && start < i.end);
