import { afterEach, describe, expect, it } from 'vitest';
import { holidayCalendar } from '$lib/content/holidays';
import { hoursAt, openIntervals } from '$lib/content/opening-hours';
import { holidays2026 } from '$lib/server/seed/data/holidays';

const museum = 'May-Sep Tu-Su,PH 08:30-18:00; Oct-Apr Tu-Su,PH 08:30-17:30';
const calendar = holidayCalendar([holidays2026]);
const zones = ['Asia/Shanghai', 'UTC', 'Europe/Berlin', 'America/Los_Angeles'];
const originalZone = process.env.TZ;

afterEach(() => {
	process.env.TZ = originalZone;
});

describe.each(zones)('the museum’s hours evaluated with the process in %s', (zone) => {
	const at = (t: string) => {
		process.env.TZ = zone;
		return hoursAt(museum, t, calendar);
	};

	it('is open on Monday 5 October 2026, a National Day holiday', () => {
		const answer = at('2026-10-05T10:00');
		expect(answer).toMatchObject({ open: true, until: '2026-10-05T17:30', day: 'holiday' });
		expect(answer.holiday?.en).toBe('National Day');
	});

	it('is closed on Monday 12 October 2026 and opens Tuesday at 08:30', () => {
		expect(at('2026-10-12T10:00')).toMatchObject({ open: false, nextOpen: '2026-10-13T08:30' });
	});

	it('is open on Saturday 28 February 2026, a make-up workday', () => {
		expect(at('2026-02-28T09:00')).toMatchObject({ open: true, day: 'workday' });
	});

	it('is open on Monday 16 February 2026, during the Spring Festival', () => {
		expect(at('2026-02-16T16:00')).toMatchObject({ open: true, until: '2026-02-16T17:30' });
	});

	it('closes at 18:00 in summer and at 17:30 in winter', () => {
		expect(at('2026-07-08T12:00').until).toBe('2026-07-08T18:00');
		expect(at('2026-12-02T12:00').until).toBe('2026-12-02T17:30');
	});

	it('is closed on Monday 1 June 2026 although the library calls Children’s Day a holiday', () => {
		expect(at('2026-06-01T10:00')).toMatchObject({ open: false, day: 'normal' });
	});
});

describe('opening hours without a holiday calendar for the year', () => {
	it('says that the schedule for 2027 is missing instead of pretending it is a normal day', () => {
		const answer = hoursAt(museum, '2027-02-08T10:00', calendar);
		expect(answer.day).toBe('unknown');
		expect(answer.calendarMissing).toBe(2027);
	});
});

describe('make-up workdays', () => {
	it('open an office with Mo-Fr hours on the Saturday it works', () => {
		const office = 'Mo-Fr 09:00-17:00; PH off';
		expect(hoursAt(office, '2026-02-28T10:00', calendar).open).toBe(true);
		expect(hoursAt(office, '2026-03-07T10:00', calendar).open).toBe(false);
		expect(hoursAt(office, '2026-10-02T10:00', calendar).open).toBe(false);
	});

	it('keep a museum closed on Mondays open on a make-up Sunday', () => {
		expect(hoursAt(museum, '2026-01-04T10:00', calendar).open).toBe(true);
	});
});

describe('places without opening hours', () => {
	it('are treated as always accessible', () => {
		expect(hoursAt(undefined, '2026-10-12T03:00', calendar)).toMatchObject({
			open: true,
			noRule: true
		});
	});
});

describe('open intervals', () => {
	it('list one interval per open day over a week', () => {
		const week = openIntervals(museum, '2026-10-12', '2026-10-19', calendar);
		expect(week.map((i) => i.start.slice(0, 10))).toEqual([
			'2026-10-13',
			'2026-10-14',
			'2026-10-15',
			'2026-10-16',
			'2026-10-17',
			'2026-10-18'
		]);
	});
});
