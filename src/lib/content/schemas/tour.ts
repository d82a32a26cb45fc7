import { lineString, localized, localizedShort, position } from './primitives';
import { z } from '$lib/content/zod';
import { id, image, publishStatus, recordBase, serverAssigned } from './common';
import { narration, stopRadius } from './narration';

export const tourModes = ['walk', 'bike', 'boat', 'bus'] as const;
export const tourMode = z.enum(tourModes);
export type TourMode = z.infer<typeof tourMode>;

/** A stop is a venue or a free point (a viewpoint, a pier) with its own name. */
const tourStop = z
	.object({
		venueId: z.optional(id),
		point: z.optional(z.object({ name: localizedShort, position })),
		stayMinutes: z.number().check(z.int(), z.gte(0), z.lte(600)),
		note: z.optional(localized),
		/** Metres: a visitor this close has reached the stop (walk-up narration). */
		radiusM: stopRadius,
		narration
	})
	.check(
		z.superRefine((stop, ctx) => {
			if (!stop.venueId === !stop.point) {
				ctx.addIssue({
					code: 'custom',
					path: ['venueId'],
					message: 'a stop needs a venue or a point, not both'
				});
			}
		})
	);
export type TourStop = z.infer<typeof tourStop>;

const tourFields = z.object({
	...recordBase,
	status: publishStatus,
	name: localizedShort,
	theme: localizedShort,
	summary: localized,
	description: localized,
	/** Modes in the order a visitor uses them; the first is the main one. */
	modes: z.array(tourMode).check(z.minLength(1)),
	stops: z
		.array(tourStop)
		.check(z.minLength(2, 'a tour needs at least two stops'), z.maxLength(100)),
	path: lineString,
	/** At most 500 km and a week: the district's tours are walks, rides and boat trips. */
	distanceM: z.number().check(z.int(), z.nonnegative(), z.lte(500_000)),
	durationMinutes: z.number().check(z.int(), z.positive(), z.lte(10_080)),
	featured: z._default(z.boolean(), false),
	image: z.optional(image)
});

export const tour = tourFields;
export type Tour = z.infer<typeof tour>;

export const tourInput = z.omit(tourFields, serverAssigned);
export type TourInput = z.input<typeof tourInput>;
