import type { Snapshot } from '$lib/content/snapshot';
import { buildDay, type Day, type DayItem, type Unusable } from './build';
import { Evaluator } from './evaluator';
import { mealSpot, wantsMeal } from './meal';
import { mealId } from './meal-window';
import { timeOf, type Plan, type PlanItem } from './plan';
import { timeline, type Schedule, type Visit } from './schedule';
import { crowdedOut, solve, whyLeftOut, type Refusal, type SolveOptions } from './solver';

/**
 * What the plan page works with: a plan (the visitor's choices, in their order) turned into a
 * timed day, and the operations that change it. All pure: the page stores the returned plan.
 */

export interface PlanRow {
	day: DayItem;
	visit: Visit;
}

export interface LeftOut {
	day: DayItem;
	reason: Refusal | Unusable;
}

export interface DayPlan {
	date: string;
	day: Day;
	rows: PlanRow[];
	left: LeftOut[];
	schedule: Schedule;
}

function planned(day: Day): DayItem[] {
	return day.items.filter((d) => !d.item.left && d.stop !== undefined);
}

/** The day of a plan, with its meal break (if it has one) at its place. */
export function buildPlan(snap: Snapshot, plan: Plan): Day {
	const meal = plan.items.some((i) => i.type === 'meal');
	return buildDay(snap, plan, meal ? { meal: mealSpot(snap, plan) } : {});
}

/** The day as arranged: times for what is planned, reasons for what is left out. */
export function dayPlan(snap: Snapshot, plan: Plan): DayPlan {
	const day = buildPlan(snap, plan);
	const inPlan = planned(day);
	const order = inPlan.map((d) => d.stop!);
	const schedule = timeline(day.problem, order);
	const rows = inPlan.map((d, i) => ({ day: d, visit: schedule.visits[i] }));
	const left = day.items
		.filter((d) => d.item.left || d.stop === undefined)
		.map((d) => ({
			day: d,
			reason: d.unusable ?? whyLeftOut(day.problem, order, d.stop!)
		}));
	return { date: plan.date, day, rows, left, schedule };
}

/**
 * "Order my day": the best order, with what cannot fit left out (and kept, marked). The places
 * and events come first, then the meal break: the day is ordered with the break, and again
 * without it only when the break may have crowded out a stop (solver.ts, crowdedOut), keeping
 * the break only if it costs none of what the visitor came for. A day that does not keep the
 * visitor out over lunch gets no break.
 */
export function orderDay(
	snap: Snapshot,
	plan: Plan,
	options: SolveOptions = {}
): { plan: Plan; exact: boolean } {
	const all = plan.items.map((item) => withLeft(item, false));
	const others = { ...plan, items: all.filter((i) => i.type !== 'meal') };
	if (plan.meal === false || !others.items.length) return ordered(snap, others, options).result;
	const meal: PlanItem = all.find((i) => i.type === 'meal') ?? { type: 'meal', id: mealId };
	const first = ordered(snap, { ...others, items: [...others.items, meal] }, options);
	const mealless = {
		...first.result.plan,
		items: first.result.plan.items.filter((i) => i.type !== 'meal')
	};
	if (!wantsMeal(snap, mealless, meal.minutes)) return ordered(snap, others, options).result;
	const mealStop = first.day.items[others.items.length].stop;
	if (mealStop === undefined || !crowdedOut(first.solution, mealStop)) return first.result;
	const second = ordered(snap, others, options).result;
	const kept = (p: Plan) => p.items.filter((i) => i.type !== 'meal' && !i.left).length;
	if (kept(first.result.plan) >= kept(second.plan)) return first.result;
	return {
		...second,
		plan: { ...second.plan, items: [...second.plan.items, { ...meal, left: true }] }
	};
}

function ordered(snap: Snapshot, plan: Plan, options: SolveOptions) {
	const day = buildPlan(snap, plan);
	const solution = solve(day.problem, options);
	const inOrder = solution.order.map((stop) => plan.items[day.byStop[stop]]);
	const chosen = new Set(solution.order.map((stop) => day.byStop[stop]));
	const rest = plan.items.filter((_, i) => !chosen.has(i));
	const items: PlanItem[] = [
		...inOrder.map((item) => withLeft(item, false)),
		...rest.map((item) => withLeft(item, true))
	];
	return { day, solution, result: { plan: { ...plan, items }, exact: solution.exact } };
}

function withLeft(item: PlanItem, left: boolean): PlanItem {
	const { left: _, ...rest } = item;
	void _;
	return left ? { ...rest, left: true } : rest;
}

/** Moves a planned item one place up (-1) or down (+1) among the planned items. */
export function moveItem(plan: Plan, index: number, by: -1 | 1): Plan {
	const positions = plan.items.flatMap((item, i) => (item.left ? [] : [i]));
	const at = positions.indexOf(index);
	const target = positions[at + by];
	if (at < 0 || target === undefined) return plan;
	const items = [...plan.items];
	[items[index], items[target]] = [items[target], items[index]];
	return { ...plan, items };
}

/** Puts a planned item before the planned item now at `before` (drag and drop). */
export function moveItemTo(plan: Plan, index: number, before: number | undefined): Plan {
	if (index === before) return plan;
	const items = [...plan.items];
	const [item] = items.splice(index, 1);
	let at =
		before === undefined ? items.findIndex((i) => i.left) : before > index ? before - 1 : before;
	if (at < 0) at = items.length;
	items.splice(at, 0, item);
	return { ...plan, items };
}

/** Locks a visit at the time it has now, or unlocks it. */
export function toggleLock(snap: Snapshot, plan: Plan, index: number): Plan {
	const item = plan.items[index];
	if (item.lockedAt) return replace(plan, index, { ...item, lockedAt: undefined });
	const row = dayPlan(snap, plan).rows.find((r) => r.day.index === index);
	if (!row) return plan;
	return replace(plan, index, { ...item, lockedAt: timeOf(row.visit.start) });
}

export function setMinutes(plan: Plan, index: number, minutes: number): Plan {
	return replace(plan, index, { ...plan.items[index], minutes });
}

/** Leaves a planned item out of the day (it stays in the plan, to be added back). */
export function dropItem(plan: Plan, index: number): Plan {
	return replace(plan, index, withLeft(plan.items[index], true));
}

/** Removes an item; removing the meal break turns it off for the day. */
export function removeItem(plan: Plan, index: number): Plan {
	const items = plan.items.filter((_, i) => i !== index);
	return plan.items[index]?.type === 'meal' ? { ...plan, items, meal: false } : { ...plan, items };
}

/**
 * The plan with its meal break, when it should have one and has none yet: added where the day has
 * a gap (the cheapest place), or left out, saying why, when it fits nowhere. Without stops, or
 * turned off, the plan has no meal break.
 */
export function withMeal(snap: Snapshot, plan: Plan): Plan {
	const others = plan.items.filter((i) => i.type !== 'meal');
	const hasMeal = others.length !== plan.items.length;
	if (plan.meal === false || !others.some((i) => !i.left))
		return hasMeal ? { ...plan, items: others } : plan;
	if (hasMeal || !wantsMeal(snap, plan)) return plan;
	const meal: PlanItem = { type: 'meal', id: mealId, left: true };
	const added = { ...plan, items: [...plan.items, meal] };
	const day = buildPlan(snap, added);
	const ev = new Evaluator(day.problem);
	const inPlan = planned(day);
	const stop = day.items[added.items.length - 1].stop;
	if (stop === undefined || !ev.setBase(inPlan.map((d) => d.stop!))) return added;
	const best = ev.bestInsertion(stop);
	return best.pos < 0 ? added : addBack(snap, added, added.items.length - 1);
}

/** Turns the meal break on (placed where it fits) or off. */
export function setMeal(snap: Snapshot, plan: Plan, on: boolean): Plan {
	const others = plan.items.filter((i) => i.type !== 'meal');
	if (!on) return { ...plan, meal: false, items: others };
	const { meal: _, ...rest } = plan;
	void _;
	return withMeal(snap, { ...rest, items: others });
}

/** Keeps the day inside the visitor's start and end times, or lets fixed-time items stretch it. */
export function setKeepHours(plan: Plan, keep: boolean): Plan {
	const { keepHours: _, ...rest } = plan;
	void _;
	return keep ? { ...rest, keepHours: true } : rest;
}

/**
 * "Keep my day to 09:00–18:00": the visitor's hours become a wall, and the fixed-time events
 * outside them leave the day (kept in the plan, saying why, with the end time that would fit).
 */
export function keepHours(snap: Snapshot, plan: Plan): Plan {
	const kept = setKeepHours(plan, true);
	const day = buildPlan(snap, kept);
	const outside = new Set(
		day.items
			.filter((d) => d.event && d.fixed && !d.item.lockedAt && d.stop !== undefined)
			.filter((d) => {
				const w = day.problem.stops[d.stop!].windows[0];
				return w.start < day.problem.dayStart || w.end > day.problem.dayEnd;
			})
			.map((d) => d.index)
	);
	return {
		...kept,
		items: kept.items.map((item, i) => withLeft(item, outside.has(i) || !!item.left))
	};
}

/** Adds a left-out item back where it is cheapest (or at the end of the day if it fits nowhere). */
export function addBack(snap: Snapshot, plan: Plan, index: number): Plan {
	const item = withLeft(plan.items[index], false);
	const without = { ...plan, items: plan.items.filter((_, i) => i !== index) };
	const day = buildPlan(snap, { ...without, items: [...without.items, item] });
	const inPlan = planned(day).filter((d) => d.index !== without.items.length);
	const ev = new Evaluator(day.problem);
	const stop = day.items[without.items.length].stop;
	let pos = inPlan.length;
	if (stop !== undefined && ev.setBase(inPlan.map((d) => d.stop!))) {
		const best = ev.bestInsertion(stop);
		if (best.pos >= 0) pos = best.pos;
	}
	const before = inPlan[pos]?.index;
	const items = [...without.items];
	const at = before === undefined ? items.filter((i) => !i.left).length : before;
	items.splice(at, 0, item);
	return { ...without, items };
}

/** Adds an item (an event occurrence or a venue) to the plan, at the end of the planned ones. */
export function addItem(plan: Plan, item: PlanItem): Plan {
	const items = [...plan.items];
	const at = items.filter((i) => !i.left).length;
	items.splice(at, 0, item);
	return { ...plan, items };
}

function replace(plan: Plan, index: number, item: PlanItem): Plan {
	const items = [...plan.items];
	items[index] = JSON.parse(JSON.stringify(item));
	return { ...plan, items };
}
