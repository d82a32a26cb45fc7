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
	heroImage: image.optional()
});

/** A festival's programme spans at most a year; its grid has a column per day. */
export const maxFestivalDays = 366;

function endNotBeforeStart(value: { startDate: string; endDate: string }, ctx: z.RefinementCtx) {
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

export const festival = festivalFields.superRefine(endNotBeforeStart);
export type Festival = z.infer<typeof festival>;

export const festivalInput = festivalFields.omit(serverAssigned).superRefine(endNotBeforeStart);
export type FestivalInput = z.input<typeof festivalInput>;
