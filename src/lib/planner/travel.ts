import { distanceM, type Position } from '$lib/content/geo';

export const travelModes = ['walk', 'bike', 'taxi'] as const;
export type TravelMode = (typeof travelModes)[number];

/**
 * The travel-time model, in one table. Without a road network on the phone, a trip is the
 * great-circle distance stretched by a detour factor (streets are not straight lines; 1.3 is the
 * usual urban ratio, a taxi follows arterials and one-way streets: 1.4), covered at a typical speed.
 * A taxi also costs a fixed few minutes to hail one and walk to and from the kerb, so for short
 * hops walking is quicker and the model says so (taxi time = min(walk, taxi)).
 *
 * | mode | detour | speed     | fixed  |
 * |------|--------|-----------|--------|
 * | walk | 1.3    | 4.5 km/h  | 0 min  |
 * | bike | 1.3    | 13 km/h   | 0 min  |
 * | taxi | 1.4    | 25 km/h   | 5 min  |
 */
export const travelModel: Record<
	TravelMode,
	{ detour: number; kmPerHour: number; fixedMinutes: number }
> = {
	walk: { detour: 1.3, kmPerHour: 4.5, fixedMinutes: 0 },
	bike: { detour: 1.3, kmPerHour: 13, fixedMinutes: 0 },
	taxi: { detour: 1.4, kmPerHour: 25, fixedMinutes: 5 }
};

function rawMinutes(metres: number, mode: TravelMode): number {
	const { detour, kmPerHour, fixedMinutes } = travelModel[mode];
	return fixedMinutes + (metres * detour) / ((kmPerHour * 1000) / 60);
}

/**
 * Whole minutes to get from `a` to `b`, rounded up (a plan that promises 12 minutes and takes 12.4
 * makes the visitor late). Symmetric, and it keeps the triangle inequality (going via a third place
 * is never quicker), which the solver relies on: dropping a stop never makes a plan late.
 */
export function travelMinutes(a: Position, b: Position, mode: TravelMode): number {
	const metres = distanceM(a, b);
	const minutes =
		mode === 'taxi'
			? Math.min(rawMinutes(metres, 'walk'), rawMinutes(metres, 'taxi'))
			: rawMinutes(metres, mode);
	return Math.max(0, Math.ceil(minutes - 1e-9));
}

/** Whether the taxi model would rather walk this hop (shown as "walk" in the timeline). */
export function taxiWalks(a: Position, b: Position): boolean {
	const metres = distanceM(a, b);
	return rawMinutes(metres, 'walk') <= rawMinutes(metres, 'taxi');
}

/** The matrix of travel minutes between positions, for the solver. */
export function travelMatrix(positions: Position[], mode: TravelMode): number[][] {
	return positions.map((a, i) =>
		positions.map((b, j) => (i === j ? 0 : travelMinutes(a, b, mode)))
	);
}
