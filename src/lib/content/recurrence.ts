import { RRule, rrulestr } from 'rrule';
import { z } from 'zod';
import { type LocalDateTime } from './time';
import { localDateTime } from './schemas/primitives';

/**
 * Recurrence is expanded in "floating" time: the wall-clock fields are carried in UTC Date fields,
 * so the device's zone never shifts an occurrence (the rrule library's documented approach). The
 * results are Asia/Shanghai wall-clock strings like every other time in the app.
 */
function toFloating(t: LocalDateTime): Date {
	return new Date(`${t}:00Z`);
}
function fromFloating(d: Date): LocalDateTime {
	return d.toISOString().slice(0, 16);
}

/** Occurrences are capped so an open-ended rule cannot expand forever. */
export const maxOccurrences = 500;

function buildRule(rule: string, start: LocalDateTime): RRule {
	const parsed = rrulestr(`RRULE:${rule}`, { dtstart: toFloating(start) });
	if (!(parsed instanceof RRule)) throw new Error('only a single RRULE is supported');
	return parsed;
}

/** An RRULE body without DTSTART: FREQ is required, an open-ended rule must be weekly or rarer. */
export const recurrenceRule = z
	.string()
	.trim()
	.max(300)
	.transform((value) => value.replace(/^RRULE:/i, ''))
	.superRefine((rule, ctx) => {
		if (/DTSTART/i.test(rule)) {
			ctx.addIssue({ code: 'custom', message: 'the start comes from the event, not the rule' });
			return;
		}
		try {
			const parsed = buildRule(rule, '2026-01-01T00:00');
			if (parsed.options.freq > RRule.DAILY || parsed.options.freq < RRule.YEARLY) {
				ctx.addIssue({ code: 'custom', message: 'must repeat daily, weekly, monthly or yearly' });
			}
		} catch (error) {
			ctx.addIssue({
				code: 'custom',
				message: `not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`
			});
		}
	});

export interface Recurring {
	start: LocalDateTime;
	end: LocalDateTime;
	rrule?: string;
	exdates?: LocalDateTime[];
}

export interface Occurrence {
	start: LocalDateTime;
	end: LocalDateTime;
}

const minute = 60_000;

/**
 * The occurrences of an event that overlap [from, to), in wall-clock time, without the cancelled
 * dates (EXDATE). A one-off event has a single occurrence.
 */
export function occurrences(
	event: Recurring,
	from: LocalDateTime,
	to: LocalDateTime
): Occurrence[] {
	const durationMs = toFloating(event.end).getTime() - toFloating(event.start).getTime();
	const excluded = new Set(event.exdates ?? []);
	const fromMs = toFloating(from).getTime();
	const toMs = toFloating(to).getTime();
	let starts: Date[];
	if (event.rrule) {
		const rule = buildRule(event.rrule, event.start);
		// An occurrence that started before `from` may still be running: look back by its duration.
		starts = rule
			.between(new Date(fromMs - durationMs - minute), new Date(toMs), true)
			.slice(0, maxOccurrences);
	} else {
		starts = [toFloating(event.start)];
	}
	const result: Occurrence[] = [];
	for (const s of starts) {
		const startMs = s.getTime();
		const endMs = startMs + durationMs;
		const start = fromFloating(s);
		if (excluded.has(start)) continue;
		if (endMs > fromMs && startMs < toMs)
			result.push({ start, end: fromFloating(new Date(endMs)) });
	}
	return result;
}

/** All occurrence starts of an event (capped), cancelled ones included, for editors and ICS. */
export function allStarts(event: Recurring): LocalDateTime[] {
	if (!event.rrule) return [event.start];
	return buildRule(event.rrule, event.start)
		.all((_, i) => i < maxOccurrences)
		.map(fromFloating);
}

export { localDateTime };
