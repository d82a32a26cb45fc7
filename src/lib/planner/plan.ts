import { z } from 'zod';
import { position } from '$lib/content/geo';
import { localDate, localDateTime } from '$lib/content/time';
import { travelModes } from './travel';

/**
 * A visitor's day plan as stored on the phone and encoded in a share link: what they chose and in
 * which order. Times are not stored: they are recomputed from the content each time, so a plan
 * always reflects the latest hours and event times (and shows when an event was cancelled or moved).
 */

/** A wall-clock time of day, HH:MM. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

export const planItem = z.object({
	type: z.enum(['event', 'venue']),
	id: z.string().min(1).max(40),
	/** The occurrence of an event (recurring events have many), as its wall-clock start. */
	at: localDateTime.optional(),
	/** Minutes to spend at a venue (or a drop-in event); the venue's typical visit otherwise. */
	minutes: z.number().int().min(5).max(720).optional(),
	/** A locked visit keeps this start time when the day is ordered again. */
	lockedAt: timeOfDay.optional(),
	/** Ordering left it out; it stays in the plan so the visitor sees why and can add it back. */
	left: z.boolean().optional()
});
export type PlanItem = z.infer<typeof planItem>;

export const planStart = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('venue'), venueId: z.string().min(1).max(40) }),
	/** A point: picked on the map, or the visitor's position when they planned (`here`). */
	z.object({ kind: z.literal('point'), position, here: z.boolean().optional() })
]);
export type PlanStart = z.infer<typeof planStart>;

export const plan = z
	.object({
		date: localDate,
		start: planStart,
		from: timeOfDay,
		to: timeOfDay,
		mode: z.enum(travelModes),
		items: z.array(planItem).max(60)
	})
	.refine((p) => p.from < p.to, { path: ['to'], message: 'must be after the start time' });
export type Plan = z.infer<typeof plan>;

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
