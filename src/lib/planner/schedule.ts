import { earliestStart, type Problem } from './problem';

/**
 * Timing a given order of stops. Every stay starts as early as it can (earliest start is monotone,
 * so it is also the only start that keeps every later stop feasible). The visitor leaves the start
 * point just in time for the first stop, so waiting there is not waiting; after that, any idle time
 * before a stay counts as waiting. The cost of an order is its travel plus its waiting, which is
 * the length of the day (leaving to finishing) minus the time spent at the stops.
 */

export type VisitIssue =
	/** The venue is not open for the whole visit at that time. */
	| { code: 'closed' }
	/** Arrives after a fixed start (an event, a locked visit). */
	| { code: 'late'; minutes: number }
	/** Ends after the visitor's end time. */
	| { code: 'after_day'; minutes: number };

export interface Visit {
	/** Index into problem.stops. */
	stop: number;
	leave: number;
	travel: number;
	arrive: number;
	wait: number;
	start: number;
	end: number;
	issue?: VisitIssue;
}

export interface Schedule {
	visits: Visit[];
	/** When the visitor leaves the start point. */
	departure: number;
	finish: number;
	travel: number;
	wait: number;
	/** travel + wait */
	cost: number;
	/** No visit has an issue. */
	feasible: boolean;
}

/**
 * The cost of an order, or Infinity if some stay cannot happen on time. The solver's inner loop:
 * no allocation. `seq` holds indices into problem.stops.
 */
export function sequenceCost(p: Problem, seq: ArrayLike<number>, length = seq.length): number {
	let t = p.dayStart;
	let node = 0;
	let departure = p.dayStart;
	let stays = 0;
	for (let i = 0; i < length; i++) {
		const index = seq[i];
		const stop = p.stops[index];
		const arrive = t + p.travel[node][index + 1];
		const start = earliestStart(stop, arrive);
		if (start < 0) return Infinity;
		const end = start + stop.stay;
		if (end > p.dayEnd) return Infinity;
		if (i === 0) departure = start - p.travel[0][index + 1];
		stays += stop.stay;
		t = end;
		node = index + 1;
	}
	return length === 0 ? 0 : t - departure - stays;
}

/**
 * The timeline of an order as the visitor arranged it, feasible or not: a venue reached while
 * closed is visited on arrival and flagged, a late arrival at an event is flagged with how late, a
 * stay past the end of the day is flagged. Times recompute from this whenever the order changes.
 */
export function timeline(p: Problem, seq: readonly number[]): Schedule {
	const visits: Visit[] = [];
	let t = p.dayStart;
	let node = 0;
	let departure = p.dayStart;
	let travel = 0;
	let wait = 0;
	for (const [i, index] of seq.entries()) {
		const stop = p.stops[index];
		const leg = p.travel[node][index + 1];
		let arrive = t + leg;
		let start = earliestStart(stop, arrive);
		let issue: VisitIssue | undefined;
		let end: number;
		if (stop.fixed && start < 0) {
			const late = arrive - stop.windows[0].start;
			start = arrive;
			end = Math.max(stop.windows[0].end, arrive);
			issue = { code: 'late', minutes: late };
		} else if (start < 0) {
			start = arrive;
			end = start + stop.stay;
			issue = { code: 'closed' };
		} else end = start + stop.stay;
		if (i === 0) {
			// Leave just in time: no waiting at the first stop.
			departure = start - leg;
			arrive = start;
		}
		if (!issue && end > p.dayEnd) issue = { code: 'after_day', minutes: end - p.dayEnd };
		const visit: Visit = {
			stop: index,
			leave: arrive - leg,
			travel: leg,
			arrive,
			wait: start - arrive,
			start,
			end,
			issue
		};
		visits.push(visit);
		travel += leg;
		wait += visit.wait;
		t = end;
		node = index + 1;
	}
	return {
		visits,
		departure: visits.length ? departure : p.dayStart,
		finish: visits.length ? t : p.dayStart,
		travel,
		wait,
		cost: travel + wait,
		feasible: visits.every((v) => !v.issue)
	};
}
