import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { holidayCalendar, holidayYear, type HolidayYear } from '$lib/content/holidays';
import { hoursAt } from '$lib/content/opening-hours';
import { addDays, weekday } from '$lib/content/time';
import { problemsOf } from '$lib/content/validation';
import { ConflictError } from '$lib/server/content/errors';
import { currentRevision } from '$lib/server/content/revision';
import { buildFeed } from '$lib/server/feed/build';
import { holidays2026 } from '$lib/server/seed/data/holidays';
import type { Store } from '$lib/server/store';
import { describeEachDialect } from '../helpers/store';

const year2027: HolidayYear = {
	year: 2027,
	holidays: [
		{ name: { zh: '元旦', en: "New Year's Day" }, start: '2027-01-01', end: '2027-01-03' },
		{ name: { zh: '春节', en: 'Spring Festival' }, start: '2027-02-06', end: '2027-02-14' }
	],
	workdays: ['2027-02-20']
};

describe('a year of the holiday calendar', () => {
	it('accepts the 2026 State Council schedule', () => {
		expect(holidayYear.safeParse(holidays2026).success).toBe(true);
	});

	it.each([
		[
			'overlapping ranges',
			{
				holidays: [
					...year2027.holidays,
					{ name: { zh: '重叠' }, start: '2027-02-10', end: '2027-02-11' }
				]
			},
			'holidays.2.start',
			/overlaps 春节/
		],
		[
			'a date outside the year',
			{ holidays: [{ name: { zh: '元旦' }, start: '2026-12-31', end: '2027-01-01' }] },
			'holidays.0.start',
			/must be in 2027/
		],
		[
			'a holiday without a Chinese name',
			{ holidays: [{ name: { zh: '' }, start: '2027-01-01', end: '2027-01-01' }] },
			'holidays.0.name.zh',
			/Chinese/
		],
		[
			'a make-up workday on a weekday',
			{ workdays: ['2027-02-17'] },
			'workdays.0',
			/Saturday or Sunday/
		],
		[
			'a make-up workday inside a holiday',
			{ workdays: ['2027-02-13'] },
			'workdays.0',
			/falls inside 春节/
		]
	])('refuses %s, naming the field', (_name, change, path, message) => {
		const result = holidayYear.safeParse({ ...year2027, ...change });
		expect(result.success).toBe(false);
		const problem = problemsOf(result.error!).find((p) => p.path === path);
		expect(problem?.message).toMatch(message);
	});
});

describeEachDialect((open) => {
	describe('the holiday calendar in the store', () => {
		let store: Store;
		beforeEach(async () => {
			store = await open();
		});
		afterEach(async () => {
			await store.close();
		});

		it('publishes a new year through the revision, so the feed carries it to phones', async () => {
			await store.holidays.save(holidays2026, 0);
			const before = await currentRevision(store.db);
			await store.holidays.save(year2027, 0);
			expect(await currentRevision(store.db)).toBe(before + 1);
			const delta = await buildFeed(store, before);
			expect(delta.holidays.map((y) => y.year)).toEqual([2026, 2027]);
		});

		it('refuses to overwrite a year someone else changed meanwhile', async () => {
			await store.holidays.save(year2027, 0);
			await expect(store.holidays.save(year2027, 0)).rejects.toThrow(ConflictError);
			await expect(store.holidays.save(year2027, 1)).resolves.toMatchObject({ version: 2 });
		});
	});
});

/**
 * A reference that evaluates one simple family of rules day by day, the way the documented rules
 * read: "<days> HH:MM-HH:MM" with PH either also open, off, or not mentioned.
 */
const dayNames = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'];
interface SimpleRule {
	days: number[];
	open: number;
	close: number;
	ph: 'open' | 'off' | 'none';
}
function ruleText(r: SimpleRule): string {
	const t = (m: number) =>
		`${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
	const days = r.days.map((d) => dayNames[d]).join(',');
	const hours = `${t(r.open)}-${t(r.close)}`;
	if (r.ph === 'open') return `${days},PH ${hours}`;
	if (r.ph === 'off') return `${days} ${hours}; PH off`;
	return `${days} ${hours}`;
}
function referenceOpen(
	r: SimpleRule,
	date: string,
	minute: number,
	calendar: ReturnType<typeof holidayCalendar>
) {
	const kind = calendar.dayKind(date);
	const inHours = minute >= r.open && minute < r.close;
	if (kind === 'holiday' && r.ph === 'open') return inHours;
	if (kind === 'holiday' && r.ph === 'off') return false;
	const dow = weekday(date);
	const days = [dow];
	if (kind === 'workday') days.push(dow === 6 ? 5 : 1);
	return days.some((d) => r.days.includes(d)) && inHours;
}

describe('opening hours with the holiday calendar', () => {
	const calendar = holidayCalendar([holidays2026]);
	const original = process.env.TZ;
	afterEach(() => {
		process.env.TZ = original;
	});

	it('agree with a simple day-by-day reference at random moments, in any process time zone', () => {
		const rule = fc.record({
			days: fc
				.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 })
				.map((d) => d.sort()),
			open: fc.integer({ min: 6 * 4, max: 11 * 4 }).map((q) => q * 15),
			close: fc.integer({ min: 13 * 4, max: 22 * 4 }).map((q) => q * 15),
			ph: fc.constantFrom('open' as const, 'off' as const, 'none' as const)
		});
		// Half the moments fall on the days that matter: holidays, make-up workdays and their eves.
		const special = [
			...holidays2026.workdays,
			...holidays2026.holidays.flatMap((h) => [h.start, h.end, addDays(h.start, -1)])
		];
		const offsets = special.map((d) => (Date.parse(d) - Date.parse('2026-01-01')) / 86_400_000);
		const moment = fc.record({
			day: fc.oneof(fc.constantFrom(...offsets), fc.integer({ min: 0, max: 364 })),
			minute: fc.integer({ min: 0, max: 1439 })
		});
		const zone = fc.constantFrom('UTC', 'Asia/Shanghai', 'Europe/Berlin', 'America/Los_Angeles');
		fc.assert(
			fc.property(rule, moment, zone, (r, m, tz) => {
				process.env.TZ = tz;
				const date = addDays('2026-01-01', m.day);
				const time = `${String(Math.floor(m.minute / 60)).padStart(2, '0')}:${String(m.minute % 60).padStart(2, '0')}`;
				// The skipped hour of a daylight-saving change does not exist on a device in that zone.
				if (tz !== 'UTC' && tz !== 'Asia/Shanghai' && time.startsWith('02:')) return;
				const answer = hoursAt(ruleText(r), `${date}T${time}`, calendar);
				expect(answer.open, `${ruleText(r)} at ${date} ${time} (${tz})`).toBe(
					referenceOpen(r, date, m.minute, calendar)
				);
			}),
			{ numRuns: 400 }
		);
	}, 60_000);
});
