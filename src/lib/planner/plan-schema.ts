import { z } from '$lib/content/zod';
import { localDate, localDateTime, position } from '$lib/content/schemas/primitives';
import type { Plan, PlanItem, PlanStart } from './plan';
import { travelModes } from './travel';

/** The one check of a plan, for what is read from storage and from share links. */

/** A wall-clock time of day, HH:MM. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM');

export const planItem = z.object({
	type: z.enum(['event', 'venue', 'meal']),
	id: z.string().min(1).max(40),
	/** The occurrence of an event (recurring events have many), as its wall-clock start. */
	at: localDateTime.optional(),
	/** Minutes to spend at a venue (or a drop-in event); the venue's typical visit otherwise. */
	minutes: z.number().int().min(5).max(720).optional(),
	/** A locked visit keeps this start time when the day is ordered again. */
	lockedAt: timeOfDay.optional(),
	/** Ordering left it out; it stays in the plan so the visitor sees why and can add it back. */
	left: z.boolean().optional()
}) satisfies z.ZodType<PlanItem>;

export const planStart = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('venue'), venueId: z.string().min(1).max(40) }),
	/** A point: picked on the map, or the visitor's position when they planned (`here`). */
	z.object({ kind: z.literal('point'), position, here: z.boolean().optional() })
]) satisfies z.ZodType<PlanStart>;

export const plan = z
	.object({
		date: localDate,
		start: planStart,
		from: timeOfDay,
		to: timeOfDay,
		mode: z.enum(travelModes),
		items: z.array(planItem).max(60),
		meal: z.boolean().optional(),
		keepHours: z.boolean().optional()
	})
	.refine((p) => p.from < p.to, {
		path: ['to'],
		message: 'must be after the start time'
	}) satisfies z.ZodType<Plan>;
