import type { Position } from '$lib/content/geo';
import type { TravelMode } from './travel';

/**
 * A visitor's day plan as stored on the phone and encoded in a share link: what they chose and in
 * which order. Times are not stored: they are recomputed from the content each time, so a plan
 * always reflects the latest hours and event times (and shows when an event was cancelled or moved).
 * The zod schema that checks stored and shared plans is in plan-schema.ts, so pages that only work
 * with plans do not download the validation library.
 */

export interface PlanItem {
	/** A meal break (`id` "lunch") is an item too, so it can be moved, locked, lengthened or removed. */
	type: 'event' | 'venue' | 'meal';
	id: string;
	/** The occurrence of an event (recurring events have many), as its wall-clock start. */
	at?: string;
	/** Minutes to spend at a venue (or a drop-in event); the venue's typical visit otherwise. */
	minutes?: number;
	/** A locked visit keeps this start time (HH:MM) when the day is ordered again. */
	lockedAt?: string;
	/** Ordering left it out; it stays in the plan so the visitor sees why and can add it back. */
	left?: boolean;
}

export type PlanStart =
	| { kind: 'venue'; venueId: string }
	/** A point: picked on the map, or the visitor's position when they planned (`here`). */
	| { kind: 'point'; position: Position; here?: boolean };

export interface Plan {
	date: string;
	start: PlanStart;
	/** Start and end of the visitor's day, HH:MM. */
	from: string;
	to: string;
	mode: TravelMode;
	items: PlanItem[];
	/** false: no meal break (the visitor turned it off). A meal break is planned by default. */
	meal?: boolean;
	/**
	 * true: `from` and `to` are a wall. By default they are a suggestion: a fixed-time event the
	 * visitor chose outside them stretches the day to include it.
	 */
	keepHours?: boolean;
}

export function minutesOf(time: string): number {
	const [h, m] = time.split(':').map(Number);
	return h * 60 + m;
}

export function timeOf(minutes: number): string {
	const m = Math.max(0, Math.round(minutes));
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(Math.floor(m / 60) % 24)}:${pad(m % 60)}`;
}

/** Identifies an item within a plan (an event may be in it on several occurrences). */
export function itemKey(item: Pick<PlanItem, 'type' | 'id' | 'at'>): string {
	return `${item.type}:${item.id}${item.at ? `@${item.at}` : ''}`;
}

/** A fresh plan for a day: 09:00 to 18:00 on foot. */
export function emptyPlan(date: string, start: PlanStart): Plan {
	return { date, start, from: '09:00', to: '18:00', mode: 'walk', items: [] };
}
