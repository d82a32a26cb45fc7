import { describe, expect, it } from 'vitest';
import { tourView } from '$lib/content/views/tour';
import { arrivals, closedStops, laterOrder, type TourStopHours } from '$lib/planner/tour-hours';
import { sampleSnapshot } from '../helpers/snapshot';

// Seeded on Saturday 28 November 2026. The family tour visits the museum (08:30–17:30, closed on
// Mondays except public holidays), the library (Tu–Su 09:00–17:30), the art museum (Tu–Su
// 09:00–17:00) and Lakeside Park.
const snap = sampleSnapshot('2026-11-28');

function stopsAt(now: string): TourStopHours[] {
	const view = tourView(snap, { slug: 'family-day-at-the-culture-centre' }, { lang: 'en', now });
	return view.stops.map((s) => ({
		...s,
		intervals: s.state && !s.state.alwaysOpen ? (s.state.intervals ?? []) : undefined
	}));
}

describe('a tour walked from a given moment', () => {
	it('finds three of four stops closed all day on a Monday', () => {
		const stops = stopsAt('2026-11-30T10:00');
		const closed = closedStops(stops, '2026-11-30T10:00', ['walk']);
		expect(closed.map((c) => [c.index, c.code])).toEqual([
			[0, 'closed_today'],
			[1, 'closed_today'],
			[2, 'closed_today']
		]);
		expect(laterOrder(stops, '2026-11-30T10:00', ['walk'])).toBeUndefined();
	});

	it('finds every stop open when set off on Tuesday morning', () => {
		const stops = stopsAt('2026-12-01T09:00');
		expect(closedStops(stops, '2026-12-01T09:00', ['walk'])).toEqual([]);
	});

	it('adds the walking time along the path and each stay to reach the next stop', () => {
		const stops = stopsAt('2026-12-01T09:00');
		const times = arrivals(stops, '2026-12-01T09:00', ['walk']);
		expect(times[0]).toBe('2026-12-01T09:00');
		// 150 minutes in the museum, then the walk to the library.
		expect(times[1] > '2026-12-01T11:30').toBe(true);
		expect(times[1] < '2026-12-01T12:00').toBe(true);
	});

	it('says a stop that opens later opens later, and offers to visit it at the end', () => {
		// A gallery that opens at 10:00, then a park open all the time, next door.
		const day = '2026-12-01';
		const stops: TourStopHours[] = [
			{
				index: 0,
				position: { lat: 35.35, lon: 116.6 },
				legM: 0,
				stayMinutes: 45,
				intervals: [{ start: `${day}T10:00`, end: `${day}T17:00` }]
			},
			{ index: 1, position: { lat: 35.351, lon: 116.6 }, legM: 150, stayMinutes: 60 }
		];
		expect(closedStops(stops, `${day}T09:00`, ['walk'])).toEqual([
			{ index: 0, arrive: `${day}T09:00`, code: 'opens_later', opens: `${day}T10:00` }
		]);
		const order = laterOrder(stops, `${day}T09:00`, ['walk']);
		expect(order).toEqual([1, 0]);
		const reordered = order!.map((i) => stops[i]);
		expect(closedStops(reordered, `${day}T09:00`, ['walk'])).toEqual([]);
	});

	it('says a museum not open yet at 08:00 opens at 08:30', () => {
		const stops = stopsAt('2026-12-01T08:00');
		expect(closedStops(stops, '2026-12-01T08:00', ['walk'])[0]).toEqual({
			index: 0,
			arrive: '2026-12-01T08:00',
			code: 'opens_later',
			opens: '2026-12-01T08:30'
		});
	});

	it('says a stop closes before the visitor gets there late in the day', () => {
		const stops = stopsAt('2026-12-01T15:30');
		const closed = closedStops(stops, '2026-12-01T15:30', ['walk']);
		expect(closed.map((c) => c.code)).toContain('closes_before');
	});

	it('opens the museum on a public holiday Monday (National Day, 5 October 2026)', () => {
		const stops = stopsAt('2026-10-05T09:00');
		const closed = closedStops(stops, '2026-10-05T09:00', ['walk']);
		expect(closed.map((c) => c.index)).not.toContain(0);
		expect(closed.map((c) => c.index)).toContain(1);
	});
});
