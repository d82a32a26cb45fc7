import { afterEach, describe, expect, it } from 'vitest';
import { allStarts, occurrences } from '$lib/content/recurrence';

const weekly = {
	start: '2026-12-05T19:30',
	end: '2026-12-05T21:00',
	rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=4',
	exdates: ['2026-12-19T19:30']
};
const originalZone = process.env.TZ;
afterEach(() => {
	process.env.TZ = originalZone;
});

describe.each(['Asia/Shanghai', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
	'recurrence expanded with the process in %s',
	(zone) => {
		it('yields every Saturday at 19:30 Shanghai time except the cancelled one', () => {
			process.env.TZ = zone;
			expect(occurrences(weekly, '2026-12-01T00:00', '2027-01-01T00:00')).toEqual([
				{ start: '2026-12-05T19:30', end: '2026-12-05T21:00' },
				{ start: '2026-12-12T19:30', end: '2026-12-12T21:00' },
				{ start: '2026-12-26T19:30', end: '2026-12-26T21:00' }
			]);
		});
	}
);

describe('recurrence', () => {
	it('includes an occurrence that is still running at the start of the window', () => {
		expect(occurrences(weekly, '2026-12-12T20:00', '2026-12-12T23:00')).toEqual([
			{ start: '2026-12-12T19:30', end: '2026-12-12T21:00' }
		]);
	});

	it('lists all starts, cancelled ones included, for editors and calendars', () => {
		expect(allStarts(weekly)).toEqual([
			'2026-12-05T19:30',
			'2026-12-12T19:30',
			'2026-12-19T19:30',
			'2026-12-26T19:30'
		]);
	});

	it('treats an event without a rule as one occurrence', () => {
		const once = { start: '2026-12-05T10:00', end: '2026-12-05T12:00' };
		expect(occurrences(once, '2026-12-05T00:00', '2026-12-06T00:00')).toHaveLength(1);
		expect(occurrences(once, '2026-12-06T00:00', '2026-12-07T00:00')).toHaveLength(0);
	});

	it('caps an open-ended rule', () => {
		const daily = { start: '2026-01-01T09:00', end: '2026-01-01T10:00', rrule: 'FREQ=DAILY' };
		expect(allStarts(daily)).toHaveLength(500);
	});
});
