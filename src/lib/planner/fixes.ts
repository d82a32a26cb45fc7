import type { DayItem, Unusable } from './build';
import type { DayPlan } from './day';
import { Evaluator } from './evaluator';
import type { Problem } from './problem';
import type { Refusal } from './solver';

/**
 * The one-tap way to make a left-out item fit: drop one planned item, and/or end the day later.
 * Only what would really work is offered: each is checked against the day as it is ordered now
 * (the left-out item inserted at its best place), never guessed.
 */
export interface Fix {
	/** Index in plan.items of the planned item to drop. */
	drop?: number;
	/** Minutes from midnight: end the day then. */
	endAt?: number;
}

/** Day ends are offered on the quarter hour, up to 23:45. */
const step = 15;
const latestEnd = 24 * 60 - step;

function fits(p: Problem, order: number[], stop: number): boolean {
	const ev = new Evaluator(p);
	return ev.setBase(order) && ev.bestInsertion(stop).pos >= 0;
}

export function fixFor(view: DayPlan, left: DayItem, reason: Refusal | Unusable): Fix {
	const stop = left.stop;
	if (stop === undefined) return {};
	if (reason.code === 'closed_day' || reason.code === 'too_short') return {};
	const p = view.day.problem;
	const order = view.rows.map((r) => r.visit.stop);
	const fix: Fix = {};

	if (left.fixed && 'other' in reason) {
		// A fixed-time item that collides with another: dropping that one is the way.
		fix.drop = view.day.byStop[reason.other];
	} else if (!left.fixed) {
		// The planned item whose loss costs least (shortest stay) among those that make room.
		const candidates = view.rows
			.filter((r) =>
				fits(
					p,
					order.filter((s) => s !== r.visit.stop),
					stop
				)
			)
			.sort((a, b) => a.day.minutes - b.day.minutes);
		if (candidates.length) fix.drop = candidates[0].day.index;
	}

	// The earliest quarter hour the day could end at with everything in it.
	const w = p.stops[stop].windows;
	const from = Math.ceil((p.dayEnd + 1) / step) * step;
	for (let end = from; end <= latestEnd; end += step) {
		if (left.fixed && w[0].end > end) continue;
		if (fits({ ...p, dayEnd: end }, order, stop)) {
			fix.endAt = end;
			break;
		}
	}
	return fix;
}
