import type { Snapshot } from '$lib/content/snapshot';
import { buildDay, type Day, type DayItem, type Unusable } from './build';
import { Evaluator } from './evaluator';
import { timeOf, type Plan, type PlanItem } from './plan';
import { timeline, type Schedule, type Visit } from './schedule';
import { solve, whyLeftOut, type Refusal, type SolveOptions } from './solver';

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

/** The day as arranged: times for what is planned, reasons for what is left out. */
export function dayPlan(snap: Snapshot, plan: Plan): DayPlan {
	const day = buildDay(snap, plan);
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

/** "Order my day": the best order, with what cannot fit left out (and kept, marked). */
export function orderDay(
	snap: Snapshot,
	plan: Plan,
	options: SolveOptions = {}
): { plan: Plan; exact: boolean } {
	const day = buildDay(snap, plan);
	const solution = solve(day.problem, options);
	const inOrder = solution.order.map((stop) => plan.items[day.byStop[stop]]);
	const chosen = new Set(solution.order.map((stop) => day.byStop[stop]));
	const rest = plan.items.filter((_, i) => !chosen.has(i));
	const items: PlanItem[] = [
		...inOrder.map((item) => withLeft(item, false)),
		...rest.map((item) => withLeft(item, true))
	];
	return { plan: { ...plan, items }, exact: solution.exact };
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

export function removeItem(plan: Plan, index: number): Plan {
	return { ...plan, items: plan.items.filter((_, i) => i !== index) };
}

/** Adds a left-out item back where it is cheapest (or at the end of the day if it fits nowhere). */
export function addBack(snap: Snapshot, plan: Plan, index: number): Plan {
	const item = withLeft(plan.items[index], false);
	const without = { ...plan, items: plan.items.filter((_, i) => i !== index) };
	const day = buildDay(snap, { ...without, items: [...without.items, item] });
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
