import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventInput } from '$lib/content/schemas';
import {
	allStarts,
	horizonYears,
	maxOccurrences,
	occurrences,
	recurrenceRule
} from '$lib/content/recurrence';
import { ruleProblems } from '$lib/content/rrule-check';
import { firstStart } from '$lib/content/rrule-probe';
import { RRule, rrulestr } from 'rrule';
import { eventInputFixture } from '../helpers/store';

const start = '2026-12-07T19:30';
const end = '2026-12-07T21:00';

function problemsOf(rrule: string): string[] {
	const result = eventInput.safeParse({ ...eventInputFixture(), start, end, rrule });
	return result.success
		? []
		: result.error.issues.filter((i) => i.path[0] === 'rrule').map((i) => i.message);
}

describe('a repeat rule is checked completely before anything expands it', () => {
	// Found by the reliability bench: a calendar import with `DTSTART:964410104` and any repeat rule
	// hung the server (the probe compared against an invalid date, so it never stopped).
	it('answers at once when the start is not a date, with the problem at the start', () => {
		for (const bad of ['964410104', '2026-13-01T10:00', 'yesterday', '']) {
			for (const rrule of ['FREQ=DAILY;COUNT=3', 'RRULE:FREQ=DAILY', 'FREQ=WEEKLY;BYDAY=MO']) {
				const result = eventInput.safeParse({ ...eventInputFixture(), start: bad, end, rrule });
				expect(result.success, `${bad} ${rrule}`).toBe(false);
				expect(result.error?.issues.map((i) => i.path[0])).toContain('start');
			}
		}
		expect(firstStart('FREQ=DAILY', new Date(Number.NaN), new Date(2030, 0, 1))).toBeUndefined();
		expect(firstStart('FREQ=DAILY', new Date(2026, 0, 1), new Date(Number.NaN))).toBeUndefined();
	});

	it('refuses the rules that froze the server or make no sense, naming the part', () => {
		const cases: [string, RegExp][] = [
			['FREQ=DAILY;INTERVAL=-1;COUNT=3', /INTERVAL must be a whole number from 1/],
			['FREQ=DAILY;INTERVAL=0', /INTERVAL must be a whole number from 1/],
			['FREQ=DAILY;INTERVAL=1.5', /INTERVAL/],
			['FREQ=DAILY;COUNT=0', /COUNT must be a whole number from 1 to 500/],
			['FREQ=DAILY;COUNT=100000', /COUNT must be a whole number from 1 to 500/],
			['FREQ=DAILY;UNTIL=20261340', /UNTIL must be a real date/],
			['FREQ=DAILY;UNTIL=20270230', /UNTIL must be a real date/],
			['FREQ=DAILY;UNTIL=20261231;COUNT=3', /COUNT and UNTIL cannot both be given/],
			['FREQ=WEEKLY;BYDAY=', /BYDAY must name at least one day/],
			['FREQ=WEEKLY;BYDAY=XX', /BYDAY has an unknown day/],
			['FREQ=WEEKLY;BYDAY=1MO', /BYDAY has an unknown day/],
			['FREQ=SECONDLY', /must repeat daily, weekly, monthly or yearly/],
			['FREQ=DAILY;BYHOUR=1', /BYHOUR is not supported/],
			['FREQ=DAILY;FREQ=WEEKLY', /FREQ is given twice/],
			['INTERVAL=2', /FREQ is required/],
			['FREQ=DAILY;;', /KEY=VALUE/],
			['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', /the rule yields no date/],
			['FREQ=DAILY;UNTIL=20261201', /until before start/],
			['FREQ=DAILY;UNTIL=20450101', new RegExp(`within ${horizonYears} years`)],
			['DTSTART=20260101T000000;FREQ=DAILY', /the start comes from the event/]
		];
		for (const [rule, message] of cases) {
			const problems = problemsOf(rule);
			expect(problems.join(' | '), rule).toMatch(message);
		}
	});

	it('accepts the rules editors write', () => {
		for (const rule of [
			'FREQ=WEEKLY;BYDAY=SA;COUNT=8',
			'FREQ=DAILY;UNTIL=20261231T235959',
			'FREQ=MONTHLY;BYDAY=1SA',
			'freq=weekly;byday=mo,we',
			'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=14',
			'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1'
		]) {
			expect(problemsOf(rule), rule).toEqual([]);
		}
	});

	it('never lets a generated rule hang or expand past its bounds', () => {
		const part = fc.oneof(
			fc.constantFrom('FREQ=DAILY', 'FREQ=WEEKLY', 'FREQ=MONTHLY', 'FREQ=YEARLY', 'FREQ=HOURLY'),
			fc.integer({ min: -5, max: 1000 }).map((n) => `INTERVAL=${n}`),
			fc.integer({ min: -5, max: 100_000 }).map((n) => `COUNT=${n}`),
			fc.constantFrom('UNTIL=20261231', 'UNTIL=20991231', 'UNTIL=20260101', 'UNTIL=2026', 'UNTIL='),
			fc
				.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU', '1MO', '-1FR', '9SU', 'XX'])
				.map((days) => `BYDAY=${days.join(',')}`),
			fc.integer({ min: -40, max: 40 }).map((n) => `BYMONTHDAY=${n}`),
			fc.integer({ min: 0, max: 13 }).map((n) => `BYMONTH=${n}`),
			fc.integer({ min: -400, max: 400 }).map((n) => `BYSETPOS=${n}`),
			fc.string({ maxLength: 12 })
		);
		fc.assert(
			fc.property(fc.array(part, { maxLength: 5 }), (parts) => {
				const rule = parts.join(';');
				const parsed = recurrenceRule.safeParse(rule);
				const starts = allStarts({ start, end, rrule: rule });
				expect(starts.length).toBeLessThanOrEqual(maxOccurrences);
				// A rule the event schema accepts has at least one date.
				if (problemsOf(rule).length === 0) expect(starts.length).toBeGreaterThanOrEqual(1);
				const inWindow = occurrences(
					{ start, end, rrule: rule },
					'2000-01-01T00:00',
					'2999-01-01T00:00'
				);
				expect(inWindow.length).toBeLessThanOrEqual(maxOccurrences);
				// A rule the check refuses is expanded as a one-off, never by the library.
				if (ruleProblems(rule.toUpperCase()).length) {
					expect(parsed.success).toBe(false);
					expect(starts).toEqual([start]);
				}
			}),
			{ numRuns: 2000 }
		);
	});

	it('stops an open daily rule at its horizon', () => {
		const starts = allStarts({ start, end, rrule: 'FREQ=DAILY' });
		expect(starts).toHaveLength(maxOccurrences);
		const late = occurrences(
			{ start, end, rrule: 'FREQ=YEARLY' },
			'2040-01-01T00:00',
			'2999-01-01T00:00'
		);
		expect(late).toEqual([]);
	});
});

describe('the probe that guards the rrule library', () => {
	it('finds the same first date as the library for every rule both accept', () => {
		const weekday = fc.constantFrom('MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU');
		const rule = fc
			.record({
				freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
				interval: fc.option(fc.integer({ min: 1, max: 30 }), { nil: undefined }),
				days: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 3 }), {
					nil: undefined
				}),
				ordinal: fc.option(fc.constantFrom(1, 2, 3, 4, 5, -1, -2), { nil: undefined }),
				monthDays: fc.option(
					fc.uniqueArray(
						fc.integer({ min: -31, max: 31 }).filter((n) => n !== 0),
						{
							minLength: 1,
							maxLength: 3
						}
					),
					{ nil: undefined }
				),
				months: fc.option(
					fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }),
					{
						nil: undefined
					}
				),
				setPos: fc.option(fc.constantFrom(1, 2, -1, 3, 10), { nil: undefined }),
				wkst: fc.option(weekday, { nil: undefined })
			})
			.map((r) => {
				const ordinal = r.ordinal !== undefined && (r.freq === 'MONTHLY' || r.freq === 'YEARLY');
				return [
					`FREQ=${r.freq}`,
					r.interval && `INTERVAL=${r.interval}`,
					r.days && `BYDAY=${r.days.map((d) => (ordinal ? `${r.ordinal}${d}` : d)).join(',')}`,
					r.monthDays && `BYMONTHDAY=${r.monthDays.join(',')}`,
					r.months && `BYMONTH=${r.months.join(',')}`,
					r.setPos && `BYSETPOS=${r.setPos}`,
					r.wkst && `WKST=${r.wkst}`
				]
					.filter(Boolean)
					.join(';');
			})
			.filter((r) => ruleProblems(r).length === 0);
		const startDate = fc
			.date({
				min: new Date('2024-01-01T00:00Z'),
				max: new Date('2030-12-31T00:00Z'),
				noInvalidDate: true
			})
			.map((d) => new Date(Math.floor(d.getTime() / 60_000) * 60_000));
		let compared = 0;
		fc.assert(
			fc.property(rule, startDate, (body, dtstart) => {
				const horizon = new Date(dtstart);
				horizon.setUTCFullYear(horizon.getUTCFullYear() + horizonYears);
				const probed = firstStart(body, dtstart, horizon);
				// Only a rule the probe accepts is ever given to the library (it may not end otherwise).
				if (!probed) return;
				const library = rrulestr(`RRULE:${body}`, { dtstart }) as RRule;
				const [first] = library.all((_, i) => i < 1);
				expect(first?.toISOString(), body).toBe(probed.toISOString());
				compared++;
			}),
			{ numRuns: 3000 }
		);
		expect(compared).toBeGreaterThan(500);
	});
});
