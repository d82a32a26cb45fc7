import { localDate, localizedShort } from './schemas/primitives';
import { z } from '$lib/content/zod';
import { type LocalDate } from './time';

/**
 * China's public holidays for one year as the State Council publishes them (usually in November
 * for the next year): the days off, and the weekend days that become working days (调休).
 */
const holidayYearFields = z.object({
	year: z.number().check(z.int(), z.gte(2000), z.lte(2100)),
	holidays: z.array(z.object({ name: localizedShort, start: localDate, end: localDate })),
	workdays: z.array(localDate)
});

/**
 * A year as an editor enters it: every range inside the year and in order, no two ranges
 * overlapping, make-up workdays inside the year, on a weekend and not inside a holiday.
 */
export const holidayYear = holidayYearFields.check(
	z.superRefine((value, ctx) => {
		const inYear = (date: string) => date.startsWith(`${value.year}-`);
		const ranges = value.holidays.map((h, i) => ({ ...h, i }));
		for (const h of ranges) {
			if (!inYear(h.start))
				ctx.addIssue({
					code: 'custom',
					path: ['holidays', h.i, 'start'],
					message: `must be in ${value.year}`
				});
			if (!inYear(h.end))
				ctx.addIssue({
					code: 'custom',
					path: ['holidays', h.i, 'end'],
					message: `must be in ${value.year}`
				});
			if (h.end < h.start)
				ctx.addIssue({
					code: 'custom',
					path: ['holidays', h.i, 'end'],
					message: 'must not be before the start'
				});
		}
		const sorted = [...ranges].sort((a, b) => a.start.localeCompare(b.start));
		for (let k = 1; k < sorted.length; k++) {
			if (sorted[k].start <= sorted[k - 1].end) {
				ctx.addIssue({
					code: 'custom',
					path: ['holidays', sorted[k].i, 'start'],
					message: `overlaps ${sorted[k - 1].name.zh} (${sorted[k - 1].start} – ${sorted[k - 1].end})`
				});
			}
		}
		value.workdays.forEach((day, i) => {
			if (!inYear(day))
				ctx.addIssue({
					code: 'custom',
					path: ['workdays', i],
					message: `must be in ${value.year}`
				});
			const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
			if (dow !== 0 && dow !== 6)
				ctx.addIssue({
					code: 'custom',
					path: ['workdays', i],
					message: 'a make-up workday is a Saturday or Sunday'
				});
			const inside = ranges.find((h) => h.start <= day && day <= h.end);
			if (inside)
				ctx.addIssue({
					code: 'custom',
					path: ['workdays', i],
					message: `falls inside ${inside.name.zh}`
				});
		});
	})
);
export type HolidayYear = z.infer<typeof holidayYear>;

export type DayKind = 'holiday' | 'workday' | 'normal' | 'unknown';

export interface HolidayCalendar {
	/** What kind of day `date` is; `unknown` when its year's schedule is not published yet. */
	dayKind(date: LocalDate): DayKind;
	holidayName(date: LocalDate): HolidayYear['holidays'][number]['name'] | undefined;
	covers(year: number): boolean;
}

/** Answers day questions from the published years. */
export function holidayCalendar(years: HolidayYear[]): HolidayCalendar {
	const covered = new Set(years.map((y) => y.year));
	const names = new Map<LocalDate, HolidayYear['holidays'][number]['name']>();
	const workdays = new Set<LocalDate>();
	for (const y of years) {
		for (const h of y.holidays) {
			for (let d = h.start; d <= h.end; d = nextDay(d)) names.set(d, h.name);
		}
		for (const w of y.workdays) workdays.add(w);
	}
	return {
		dayKind(date) {
			if (!covered.has(Number(date.slice(0, 4)))) return 'unknown';
			if (names.has(date)) return 'holiday';
			if (workdays.has(date)) return 'workday';
			return 'normal';
		},
		holidayName: (date) => names.get(date),
		covers: (year) => covered.has(year)
	};
}

function nextDay(date: LocalDate): LocalDate {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

export const noHolidays: HolidayCalendar = holidayCalendar([]);
