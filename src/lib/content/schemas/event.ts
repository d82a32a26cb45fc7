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
	statusReason: z.optional(localized),
	title: localizedShort,
	summary: localized,
	description: localized,
	venueId: z.optional(id),
	position: z.optional(position),
	festivalId: z.optional(id),
	/** Shanghai wall-clock start and end of the first occurrence. */
	start: localDateTime,
	end: localDateTime,
	allDay: z._default(z.boolean(), false),
	/** RFC 5545 RRULE body (no DTSTART), e.g. FREQ=WEEKLY;BYDAY=SA;COUNT=8. */
	rrule: z.optional(recurrenceRule),
	/** Cancelled occurrences, as the wall-clock start of each. */
	exdates: z._default(z.array(localDateTime).check(z.maxLength(500)), []),
	/** Original start of a postponed event (schema.org previousStartDate). */
	previousStart: z.optional(localDateTime),
	category: eventCategory,
	price,
	bookingUrl: z.optional(httpUrl),
	tags,
	image: z.optional(image)
});

type EventShape = z.infer<typeof eventFields>;

/** One occurrence lasts at most a year (a long exhibition); longer is a typo in the end date. */
export const maxEventDays = 366;

function eventRules(
	value: Pick<
		EventShape,
		'start' | 'end' | 'status' | 'statusReason' | 'venueId' | 'position' | 'rrule'
	>,
	ctx: z.core.$RefinementCtx
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

export const event = eventFields.check(z.superRefine(eventRules));
export type Event = z.infer<typeof event>;

export const eventInput = z.omit(eventFields, serverAssigned).check(z.superRefine(eventRules));
export type EventInput = z.input<typeof eventInput>;
