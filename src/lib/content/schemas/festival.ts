import { localDate, localized, localizedShort } from './primitives';
import { z } from '$lib/content/zod';
import { image, publishStatus, recordBase, serverAssigned } from './common';

const festivalFields = z.object({
	...recordBase,
	status: publishStatus,
	name: localizedShort,
	summary: localized,
	description: localized,
	startDate: localDate,
	endDate: localDate,
	heroImage: z.optional(image)
});

/** A festival's programme spans at most a year; its grid has a column per day. */
export const maxFestivalDays = 366;

function endNotBeforeStart(
	value: { startDate: string; endDate: string },
	ctx: z.core.$RefinementCtx
) {
	if (value.endDate < value.startDate) {
		ctx.addIssue({
			code: 'custom',
			path: ['endDate'],
			message: 'must not be before the start date'
		});
	} else if (
		Date.parse(value.endDate) - Date.parse(value.startDate) >
		maxFestivalDays * 86_400_000
	) {
		ctx.addIssue({
			code: 'custom',
			path: ['endDate'],
			message: `must be within ${maxFestivalDays} days of the start date`
		});
	}
}

export const festival = festivalFields.check(z.superRefine(endNotBeforeStart));
export type Festival = z.infer<typeof festival>;

export const festivalInput = z
	.omit(festivalFields, serverAssigned)
	.check(z.superRefine(endNotBeforeStart));
export type FestivalInput = z.input<typeof festivalInput>;
