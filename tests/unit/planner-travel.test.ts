import { describe, expect, test } from 'vitest';
import { distanceM } from '$lib/content/geo';
import { travelMatrix, travelMinutes, travelModel } from '$lib/planner/travel';

const museum = { lat: 35.368, lon: 116.604 };
const pavilion = { lat: 35.346, lon: 116.588 };
const library = { lat: 35.3702, lon: 116.6028 };

describe('the travel-time model', () => {
	test('walking is the straight distance times the detour factor at 4.5 km/h, rounded up', () => {
		const metres = distanceM(museum, pavilion);
		expect(metres).toBeGreaterThan(2800);
		expect(travelMinutes(museum, pavilion, 'walk')).toBe(Math.ceil((metres * 1.3) / (4500 / 60)));
	});

	test('a bike is about three times as fast as walking', () => {
		const walk = travelMinutes(museum, pavilion, 'walk');
		const bike = travelMinutes(museum, pavilion, 'bike');
		expect(bike).toBe(Math.ceil((distanceM(museum, pavilion) * 1.3) / (13000 / 60)));
		expect(walk / bike).toBeGreaterThan(2.5);
	});

	test('a taxi costs five minutes to hail plus the ride at 25 km/h over a 1.4 detour', () => {
		const metres = distanceM(museum, pavilion);
		expect(travelMinutes(museum, pavilion, 'taxi')).toBe(
			Math.ceil(5 + (metres * 1.4) / (25000 / 60))
		);
	});

	test('for a short hop the taxi model walks, because hailing takes longer', () => {
		expect(travelMinutes(museum, library, 'taxi')).toBe(travelMinutes(museum, library, 'walk'));
		expect(travelMinutes(museum, library, 'walk')).toBeLessThanOrEqual(5);
	});

	test('the same place is no trip at all, and trips are symmetric', () => {
		expect(travelMinutes(museum, museum, 'taxi')).toBe(0);
		for (const mode of ['walk', 'bike', 'taxi'] as const)
			expect(travelMinutes(museum, pavilion, mode)).toBe(travelMinutes(pavilion, museum, mode));
	});

	test('going via a third place is never quicker (the solver relies on it)', () => {
		const places = [
			museum,
			pavilion,
			library,
			{ lat: 35.4112, lon: 116.5862 },
			{ lat: 35.323, lon: 116.618 }
		];
		for (const mode of ['walk', 'bike', 'taxi'] as const) {
			const t = travelMatrix(places, mode);
			for (let a = 0; a < places.length; a++)
				for (let b = 0; b < places.length; b++)
					for (let c = 0; c < places.length; c++)
						expect(t[a][c]).toBeLessThanOrEqual(t[a][b] + t[b][c]);
		}
	});

	test('the model is one documented table', () => {
		expect(travelModel).toEqual({
			walk: { detour: 1.3, kmPerHour: 4.5, fixedMinutes: 0 },
			bike: { detour: 1.3, kmPerHour: 13, fixedMinutes: 0 },
			taxi: { detour: 1.4, kmPerHour: 25, fixedMinutes: 5 }
		});
	});
});
