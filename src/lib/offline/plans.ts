import type { Plan } from '$lib/planner/plan';
import { plan as planSchema } from '$lib/planner/plan-schema';
import { guideDb, liveQuery, type GuideDb, type Observable } from './db';

/**
 * The visitor's day plans on this device: one per date, keyed by the date. Written only by the
 * visitor's actions (sync never touches the table); read live, so every open page follows.
 * A stored plan that no longer passes the schema (an older app version) reads as no plan.
 */

export interface PlanSummary {
	date: string;
	updatedAt: string;
	items: number;
}

function valid(value: unknown): Plan | undefined {
	const parsed = planSchema.safeParse(value);
	return parsed.success ? parsed.data : undefined;
}

export async function savePlan(plan: Plan, db: GuideDb = guideDb()): Promise<void> {
	const checked = planSchema.parse(plan);
	await db.plans.put({
		id: checked.date,
		date: checked.date,
		updatedAt: new Date().toISOString(),
		plan: checked
	});
}

export async function loadPlan(date: string, db: GuideDb = guideDb()): Promise<Plan | undefined> {
	return valid((await db.plans.get(date))?.plan);
}

export async function deletePlan(date: string, db: GuideDb = guideDb()): Promise<void> {
	await db.plans.delete(date);
}

/** The plan for a date, live (undefined when there is none). */
export function planFor(date: string, db: GuideDb = guideDb()): Observable<Plan | undefined> {
	return liveQuery(async () => valid((await db.plans.get(date))?.plan));
}

/** Every stored plan, by date, live. */
export function planList(db: GuideDb = guideDb()): Observable<PlanSummary[]> {
	return liveQuery(async () =>
		(await db.plans.orderBy('date').toArray()).flatMap((row) => {
			const plan = valid(row.plan);
			// The meal break is not one of the visitor's stops.
			const items = plan?.items.filter((i) => i.type !== 'meal').length ?? 0;
			return plan ? [{ date: row.date, updatedAt: row.updatedAt, items }] : [];
		})
	);
}
