import { localDateTime, localized, localizedShort, position } from './primitives';
import { z } from '$lib/content/zod';
import { recurrenceRule, seriesProblems } from '../recurrence';
import { httpUrl, id, image, price, recordBase, serverAssigned, tags } from './common';

export const eventCategories = [
	'performance',
	'exhibition',
	'festival',
	'market',
	'sport',
	'tour',
	'workshop',
	'family',
	'food',
	'ceremony'
] as const;
export const eventCategory = z.enum(eventCategories);
export type EventCategory = z.infer<typeof eventCategory>;

/** Cancelled and postponed events stay public so visitors learn what changed. */
export const eventStatuses = ['draft', 'published', 'cancelled', 'postponed'] as const;
export const eventStatus = z.enum(eventStatuses);
export type EventStatus = z.infer<typeof eventStatus>;

const eventFields = z.object({
	...recordBase,
	status: eventStatus,
	statusReason: localized.optional(),
	title: localizedShort,
	summary: localized,
	description: localized,
	venueId: id.optional(),
	position: position.optional(),
	festivalId: id.optional(),
	/** Shanghai wall-clock start and end of the first occurrence. */
	start: localDateTime,
	end: localDateTime,
	allDay: z.boolean().default(false),
	/** RFC 5545 RRULE body (no DTSTART), e.g. FREQ=WEEKLY;BYDAY=SA;COUNT=8. */
	rrule: recurrenceRule.optional(),
	/** Cancelled occurrences, as the wall-clock start of each. */
	exdates: z.array(localDateTime).max(500).default([]),
	/** Original start of a postponed event (schema.org previousStartDate). */
	previousStart: localDateTime.optional(),
	category: eventCategory,
	price,
	bookingUrl: httpUrl.optional(),
	tags,
	image: image.optional()
});

type EventShape = z.infer<typeof eventFields>;

/** One occurrence lasts at most a year (a long exhibition); longer is a typo in the end date. */
export const maxEventDays = 366;

function eventRules(
	value: Pick<
		EventShape,
		'start' | 'end' | 'status' | 'statusReason' | 'venueId' | 'position' | 'rrule'
	>,
	ctx: z.RefinementCtx
) {
	if (value.rrule) {
		for (const message of seriesProblems(value.rrule, value.start)) {
			ctx.addIssue({ code: 'custom', path: ['rrule'], message });
		}
	}
	if (value.end <= value.start) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
	} else if (
		Date.parse(`${value.end}Z`) - Date.parse(`${value.start}Z`) >
		maxEventDays * 86_400_000
	) {
		ctx.addIssue({
			code: 'custom',
			path: ['end'],
			message: `must be within ${maxEventDays} days of the start`
		});
	}
	if ((value.status === 'cancelled' || value.status === 'postponed') && !value.statusReason) {
		ctx.addIssue({
			code: 'custom',
			path: ['statusReason'],
			message: `a reason is required when ${value.status}`
		});
	}
	if (!value.venueId && !value.position) {
		ctx.addIssue({ code: 'custom', path: ['venueId'], message: 'needs a venue or a position' });
	}
}

export const event = eventFields.superRefine(eventRules);
export type Event = z.infer<typeof event>;

export const eventInput = eventFields.omit(serverAssigned).superRefine(eventRules);
export type EventInput = z.input<typeof eventInput>;
