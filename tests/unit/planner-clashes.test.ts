import { describe, expect, test } from 'vitest';
import { clashes, isDropIn } from '$lib/planner/clashes';
import { travelMinutes } from '$lib/planner/travel';

const museum = { lat: 35.368, lon: 116.604 };
const stage = { lat: 35.3672, lon: 116.6018 };
const pavilion = { lat: 35.346, lon: 116.588 };

describe('clashes in an agenda', () => {
	test('two events that overlap clash, by how many minutes', () => {
		expect(
			clashes(
				[
					{ key: 'a', start: '2026-12-05T14:00', end: '2026-12-05T15:00', position: museum },
					{ key: 'b', start: '2026-12-05T14:30', end: '2026-12-05T16:00', position: museum }
				],
				'walk'
			)
		).toEqual([{ kind: 'overlap', a: 'a', b: 'b', minutes: 30 }]);
	});

	test('back-to-back events at different places clash when the walk is longer than the gap', () => {
		const walk = travelMinutes(museum, pavilion, 'walk');
		expect(walk).toBeGreaterThan(30);
		expect(
			clashes(
				[
					{ key: 'talk', start: '2026-12-05T14:00', end: '2026-12-05T15:00', position: museum },
					{ key: 'show', start: '2026-12-05T15:05', end: '2026-12-05T16:30', position: pavilion }
				],
				'walk'
			)
		).toEqual([{ kind: 'travel', a: 'talk', b: 'show', travel: walk, gap: 5, mode: 'walk' }]);
	});

	test('the same gap is fine by taxi when the ride fits, and fine on foot next door', () => {
		const entries = [
			{ key: 'talk', start: '2026-12-05T14:00', end: '2026-12-05T15:00', position: museum },
			{ key: 'show', start: '2026-12-05T15:30', end: '2026-12-05T16:30', position: pavilion }
		];
		expect(clashes(entries, 'taxi')).toEqual([]);
		expect(
			clashes(
				[
					entries[0],
					{ key: 'stage', start: '2026-12-05T15:05', end: '2026-12-05T16:30', position: stage }
				],
				'walk'
			)
		).toEqual([]);
	});

	test('the trip is checked from the event that ends last before, in any input order', () => {
		const found = clashes(
			[
				{ key: 'late', start: '2026-12-05T16:00', end: '2026-12-05T17:00', position: pavilion },
				{ key: 'early', start: '2026-12-05T09:00', end: '2026-12-05T10:00', position: pavilion },
				{ key: 'mid', start: '2026-12-05T12:00', end: '2026-12-05T15:50', position: museum }
			],
			'walk'
		);
		expect(found).toEqual([
			expect.objectContaining({ kind: 'travel', a: 'mid', b: 'late', gap: 10 })
		]);
	});

	test('all-day and long events are drop-in, not fixed times', () => {
		expect(isDropIn('2026-12-05T00:00', '2026-12-05T23:59')).toBe(true);
		expect(isDropIn('2026-12-05T10:00', '2026-12-05T11:00', true)).toBe(true);
		expect(isDropIn('2026-12-05T11:00', '2026-12-05T14:00')).toBe(false);
	});
});
