import { itemKey, type Plan, type PlanItem } from './plan';

/**
 * "Plan a day with this": an event or venue page links to the day's plan with the item in the
 * query (`/plan/2026-05-01?add=venue:ven_x`, `?add=event:evt_y@2026-05-01T19:30`); the plan page
 * adds it once and drops the query, so a reload or the back button does not add it again.
 */

const param = 'add';

export function addToDayPath(date: string, item: Pick<PlanItem, 'type' | 'id' | 'at'>): string {
	return `/plan/${date}?${param}=${encodeURIComponent(itemKey(item))}`;
}

/** The item a plan link asks to add, or undefined when the query holds none (or nonsense). */
export function itemToAdd(search: URLSearchParams): PlanItem | undefined {
	const match = /^(event|venue):([\w-]+)(?:@(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}))?$/.exec(
		search.get(param) ?? ''
	);
	if (!match) return undefined;
	const [, type, id, at] = match;
	if (type === 'event' && !at) return undefined;
	if (type === 'venue' && at) return undefined;
	return type === 'event' ? { type: 'event', id, at } : { type: 'venue', id };
}

/** The plan with `item` in it: added at the end of the day, or brought back if it was left out. */
export function withItem(plan: Plan, item: PlanItem): Plan {
	const key = itemKey(item);
	const index = plan.items.findIndex((i) => itemKey(i) === key);
	if (index >= 0 && !plan.items[index].left) return plan;
	const items = plan.items.filter((_, i) => i !== index);
	const kept = items.filter((i) => !i.left).length;
	const added = index >= 0 ? { ...plan.items[index] } : item;
	delete added.left;
	items.splice(kept, 0, added);
	return { ...plan, items };
}

export function withoutAddParam(url: URL): URL {
	const next = new URL(url);
	next.searchParams.delete(param);
	return next;
}
