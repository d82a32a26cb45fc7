import { describe, expect, it } from 'vitest';
import {
	holidayImpact,
	holidayLines,
	parseDates,
	parseHolidayLines
} from '$lib/content/holiday-impact';
import { holidays2026 } from '$lib/server/seed/data/holidays';
import { sampleSnapshot } from '../helpers/snapshot';

describe('the holidays an admin publishes', () => {
	it('show which venues’ hours change, day by day', () => {
		const impact = holidayImpact(sampleSnapshot().venues, holidays2026);
		const museum = impact.find((v) => v.slug === 'jining-museum');
		// Monday 5 October 2026: usually closed, open on National Day.
		expect(museum?.changes).toContainEqual({
			date: '2026-10-05',
			usual: '',
			withCalendar: '08:30–17:30'
		});
		expect(impact.find((v) => v.slug === 'jizhou-old-street')).toBeUndefined();
	});

	it('are typed one per line and read back the same', () => {
		const lines = holidayLines(holidays2026);
		expect(parseHolidayLines(lines)).toEqual(holidays2026.holidays);
		expect(parseHolidayLines('元旦 |  | 2027-01-01 |')).toEqual([
			{ name: { zh: '元旦', en: undefined }, start: '2027-01-01', end: '2027-01-01' }
		]);
		expect(parseDates('2027-02-20, 2027-10-09\n2027-10-10')).toEqual([
			'2027-02-20',
			'2027-10-09',
			'2027-10-10'
		]);
	});
});
