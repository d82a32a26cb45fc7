import { z } from '$lib/content/zod';
import { localDate, localDateTime, position } from '$lib/content/schemas/primitives';
import type { Plan, PlanItem, PlanStart } from './plan';
import { travelModes } from './travel';

/** The one check of a plan, for what is read from storage and from share links. */

/** A wall-clock time of day, HH:MM. */
export const timeOfDay = z
	.string()
	.check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time as HH:MM'));

/** A planned venue's or event's id (and a plan's start venue), as plans and share links carry it. */
export const itemId = z.string().check(z.minLength(1), z.maxLength(40));

export const planItem = z.object({
	type: z.enum(['event', 'venue', 'meal']),
	id: itemId,
	/** The occurrence of an event (recurring events have many), as its wall-clock start. */
	at: z.optional(localDateTime),
	/** Minutes to spend at a venue (or a drop-in event); the venue's typical visit otherwise. */
	minutes: z.optional(z.number().check(z.int(), z.gte(5), z.lte(720))),
	/** A locked visit keeps this start time when the day is ordered again. */
	lockedAt: z.optional(timeOfDay),
	/** Ordering left it out; it stays in the plan so the visitor sees why and can add it back. */
	left: z.optional(z.boolean())
}) satisfies z.ZodMiniType<PlanItem>;

export const planStart = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('venue'), venueId: itemId }),
	/** A point: picked on the map, or the visitor's position when they planned (`here`). */
	z.object({ kind: z.literal('point'), position, here: z.optional(z.boolean()) })
]) satisfies z.ZodMiniType<PlanStart>;

export const plan = z
	.object({
		date: localDate,
		start: planStart,
		from: timeOfDay,
		to: timeOfDay,
		mode: z.enum(travelModes),
		items: z.array(planItem).check(z.maxLength(60)),
		meal: z.optional(z.boolean()),
		keepHours: z.optional(z.boolean())
	})
	.check(
		z.refine((p) => p.from < p.to, {
			path: ['to'],
			message: 'must be after the start time'
		})
	) satisfies z.ZodMiniType<Plan>;
