import type { Problem } from './problem';

/**
 * A problem laid out in typed arrays for the solver's inner loops: one flat travel matrix and the
 * windows of all stops side by side, so that timing a candidate day touches no objects (reading
 * `p.travel[a][b]` and `stop.windows[k].start` was most of the heuristic's time in a profile).
 */
export interface FlatProblem {
	/** Places: the origin (0) and the stops (i + 1). */
	size: number;
	dayStart: number;
	dayEnd: number;
	/** travel[a * size + b]: minutes from place a to place b. */
	travel: Float64Array;
	/** By stop index. */
	stay: Float64Array;
	fixed: Uint8Array;
	/** Stop i's windows are winStart/winEnd[winFrom[i], winFrom[i + 1]). */
	winFrom: Int32Array;
	winStart: Float64Array;
	winEnd: Float64Array;
}

const cache = new WeakMap<Problem, FlatProblem>();

export function flatten(p: Problem): FlatProblem {
	const cached = cache.get(p);
	if (cached) return cached;
	const n = p.stops.length;
	const size = n + 1;
	const travel = new Float64Array(size * size);
	for (let a = 0; a < size; a++)
		for (let b = 0; b < size; b++) travel[a * size + b] = p.travel[a][b];
	const winFrom = new Int32Array(n + 1);
	for (let i = 0; i < n; i++) winFrom[i + 1] = winFrom[i] + p.stops[i].windows.length;
	const winStart = new Float64Array(winFrom[n]);
	const winEnd = new Float64Array(winFrom[n]);
	p.stops.forEach((s, i) =>
		s.windows.forEach((w, k) => {
			winStart[winFrom[i] + k] = w.start;
			winEnd[winFrom[i] + k] = w.end;
		})
	);
	const flat: FlatProblem = {
		size,
		dayStart: p.dayStart,
		dayEnd: p.dayEnd,
		travel,
		stay: Float64Array.from(p.stops, (s) => s.stay),
		fixed: Uint8Array.from(p.stops, (s) => (s.fixed ? 1 : 0)),
		winFrom,
		winStart,
		winEnd
	};
	cache.set(p, flat);
	return flat;
}

/** As `earliestStart` in problem.ts: the earliest start at or after `arrival` that fits, or -1. */
export function earliestStartOf(f: FlatProblem, stop: number, arrival: number): number {
	const stay = f.stay[stop];
	for (let k = f.winFrom[stop], end = f.winFrom[stop + 1]; k < end; k++) {
		const start = arrival > f.winStart[k] ? arrival : f.winStart[k];
		if (start + stay <= f.winEnd[k]) return start;
	}
	return -1;
}
