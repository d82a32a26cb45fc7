import { exactSearch, type SearchResult } from './exact';
import { heuristicSearch, type HeuristicOptions } from './heuristic';
import { earliestStart, type Problem } from './problem';
import { timeline, type Schedule } from './schedule';

/**
 * Orders a day: fixed stops (events at their times, locked visits) stay where they are in time,
 * flexible stops (venue visits, drop-in events) go where the day is shortest. Exact up to
 * `exactLimit` flexible stops, heuristic beyond. Whatever cannot fit is returned with the reason,
 * and the plan is the best one without it.
 */

/** Why a stop is not in the plan. Stop indices and minutes; the page turns them into words. */
export type Refusal =
	/** A venue with no opening at all that day (e.g. museums on Mondays). */
	| { code: 'closed_day' }
	/** Its time, or its opening hours, are outside the visitor's start and end time. */
	| { code: 'outside_day' }
	/** Open that day, but never long enough for the visit. */
	| { code: 'too_short' }
	/** A fixed stop that overlaps an earlier fixed stop. */
	| { code: 'overlaps'; other: number }
	/** A fixed stop that cannot be reached in time after an earlier one. */
	| { code: 'no_time_after'; other: number; travel: number; gap: number }
	/** Cannot be reached from the start point in time (before it starts, or closes). */
	| { code: 'no_time_from_start'; travel: number }
	/** Fits nowhere: before the fixed stop `other` there is no time (travel included). */
	| { code: 'no_time_before'; other: number; travel: number }
	/** Fits nowhere: it closes (at `at`) before the visit could be done. */
	| { code: 'closes'; at: number }
	/** Fits on its own, but not together with the stops that were kept. */
	| { code: 'day_full' };

export interface Solution {
	/** Indices into problem.stops, in visiting order. */
	order: number[];
	refused: { stop: number; reason: Refusal }[];
	schedule: Schedule;
	exact: boolean;
}

export interface SolveOptions extends HeuristicOptions {
	/** Up to this many flexible stops the search is exact. */
	exactLimit?: number;
}

/** Whether a stop can happen within the visitor's day at all (before any ordering). */
export function fitsInDay(p: Problem, stop: number): Refusal | undefined {
	const s = p.stops[stop];
	if (s.windows.length === 0) return { code: 'closed_day' };
	if (s.fixed) {
		const w = s.windows[0];
		return w.start < p.dayStart || w.end > p.dayEnd ? { code: 'outside_day' } : undefined;
	}
	const fits = s.windows.some(
		(w) => Math.max(w.start, p.dayStart) + s.stay <= Math.min(w.end, p.dayEnd)
	);
	if (fits) return undefined;
	return s.windows.some((w) => w.end - w.start >= s.stay)
		? { code: 'outside_day' }
		: { code: 'too_short' };
}

/** Fixed stops in time order; each must be reachable after the one before (greedy, earliest first). */
function fixedChain(p: Problem, fixed: number[], refused: Solution['refused']): number[] {
	const sorted = [...fixed].sort(
		(a, b) =>
			p.stops[a].windows[0].start - p.stops[b].windows[0].start ||
			p.stops[a].windows[0].end - p.stops[b].windows[0].end
	);
	const chain: number[] = [];
	for (const stop of sorted) {
		const w = p.stops[stop].windows[0];
		const last = chain[chain.length - 1];
		if (last === undefined) {
			const travel = p.travel[0][stop + 1];
			if (p.dayStart + travel > w.start)
				refused.push({ stop, reason: { code: 'no_time_from_start', travel } });
			else chain.push(stop);
			continue;
		}
		const before = p.stops[last].windows[0];
		const travel = p.travel[last + 1][stop + 1];
		if (w.start < before.end) refused.push({ stop, reason: { code: 'overlaps', other: last } });
		else if (before.end + travel > w.start)
			refused.push({
				stop,
				reason: { code: 'no_time_after', other: last, travel, gap: w.start - before.end }
			});
		else chain.push(stop);
	}
	return chain;
}

/** Why a flexible stop the search left out did not fit: look at it next to the fixed stops alone. */
export function explain(p: Problem, stop: number, chain: number[]): Refusal {
	const s = p.stops[stop];
	let blocked: Refusal | undefined;
	let closes: Refusal | undefined;
	for (let gap = 0; gap <= chain.length; gap++) {
		const prev = gap === 0 ? -1 : chain[gap - 1];
		const ready = gap === 0 ? p.dayStart : p.stops[prev].windows[0].end;
		const start = earliestStart(s, ready + p.travel[prev + 1][stop + 1]);
		if (start < 0) {
			const last = s.windows[s.windows.length - 1];
			closes ??=
				gap === 0
					? { code: 'no_time_from_start', travel: p.travel[0][stop + 1] }
					: { code: 'closes', at: last.end };
			continue;
		}
		const end = start + s.stay;
		if (end > p.dayEnd) continue;
		const next = chain[gap];
		if (next === undefined) return { code: 'day_full' };
		const travel = p.travel[stop + 1][next + 1];
		if (end + travel <= p.stops[next].windows[0].start) return { code: 'day_full' };
		blocked ??= { code: 'no_time_before', other: next, travel };
	}
	return blocked ?? closes ?? { code: 'outside_day' };
}

/**
 * Why `stop` is not in `order` (a plan as the visitor arranged it): for a fixed stop, the fixed
 * stop of the plan it collides with; for a flexible one, as `explain` says.
 */
export function whyLeftOut(p: Problem, order: number[], stop: number): Refusal {
	const unfit = fitsInDay(p, stop);
	if (unfit) return unfit;
	const chain = order
		.filter((i) => p.stops[i].fixed)
		.sort((a, b) => p.stops[a].windows[0].start - p.stops[b].windows[0].start);
	const s = p.stops[stop];
	if (!s.fixed) return explain(p, stop, chain);
	const w = s.windows[0];
	let before: number | undefined;
	for (const other of chain) {
		const o = p.stops[other].windows[0];
		if (o.start < w.end && w.start < o.end) return { code: 'overlaps', other };
		if (o.end <= w.start) before = other;
		else {
			const travel = p.travel[stop + 1][other + 1];
			if (w.end + travel > o.start) return { code: 'no_time_before', other, travel };
			break;
		}
	}
	if (before === undefined) {
		const travel = p.travel[0][stop + 1];
		return p.dayStart + travel > w.start
			? { code: 'no_time_from_start', travel }
			: { code: 'day_full' };
	}
	const end = p.stops[before].windows[0].end;
	const travel = p.travel[before + 1][stop + 1];
	return end + travel > w.start
		? { code: 'no_time_after', other: before, travel, gap: w.start - end }
		: { code: 'day_full' };
}

export function solve(p: Problem, options: SolveOptions = {}): Solution {
	const { exactLimit = 10 } = options;
	const refused: Solution['refused'] = [];
	const fixed: number[] = [];
	const flexible: number[] = [];
	p.stops.forEach((s, i) => {
		const reason = fitsInDay(p, i);
		if (reason) refused.push({ stop: i, reason });
		else (s.fixed ? fixed : flexible).push(i);
	});
	const chain = fixedChain(p, fixed, refused);
	const exact = flexible.length <= exactLimit;
	const result: SearchResult = exact
		? exactSearch(p, chain, flexible)
		: heuristicSearch(p, chain, flexible, options);
	const planned = new Set(result.order);
	for (const stop of flexible)
		if (!planned.has(stop)) refused.push({ stop, reason: explain(p, stop, chain) });
	refused.sort((a, b) => a.stop - b.stop);
	return { order: result.order, refused, schedule: timeline(p, result.order), exact };
}

/**
 * Whether leaving out `stop` may have cost another stop of the day: some flexible stop was left
 * out only for want of room (not for being closed or outside the day, which no other stop
 * changes). The meal break is ordered with the day; only then is the day ordered again without it.
 */
export function crowdedOut(solution: Solution, stop: number): boolean {
	return solution.refused.some(
		(r) =>
			r.stop !== stop &&
			(r.reason.code === 'day_full' ||
				r.reason.code === 'no_time_before' ||
				r.reason.code === 'closes')
	);
}
