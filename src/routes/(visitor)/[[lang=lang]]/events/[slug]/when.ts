import {
	formatDateRange,
	formatDay,
	formatDayTime,
	formatFullDate,
	formatTime
} from '$lib/content/format';
import type { Language } from '$lib/content/localized';
import { addDays } from '$lib/content/time';

/** The last calendar day an all-day event covers (an end at 00:00 belongs to the day before). */
function lastDay(end: string): string {
	return end.slice(11) === '00:00' ? addDays(end.slice(0, 10), -1) : end.slice(0, 10);
}

/** "Sat 5 December 2026" and "19:30–21:00", all-day and multi-day aware. */
export function describeWhen(
	{ start, end, allDay }: { start: string; end: string; allDay: boolean },
	lang: Language,
	allDayWord: string
): { date: string; time: string } {
	const first = start.slice(0, 10);
	if (allDay) {
		const last = lastDay(end);
		return {
			date: last > first ? formatDateRange(first, last, lang) : formatFullDate(first, lang),
			time: allDayWord
		};
	}
	const sameDay = end.slice(0, 10) === first;
	return {
		date: formatFullDate(first, lang),
		time: sameDay
			? `${formatTime(start)}–${formatTime(end)}`
			: `${formatTime(start)} – ${formatDayTime(end, lang)}`
	};
}

/** A short "Sat 5 Dec 19:30" for lists of dates. */
export function shortWhen(start: string, allDay: boolean, lang: Language): string {
	return allDay ? formatDay(start, lang) : formatDayTime(start, lang);
}
