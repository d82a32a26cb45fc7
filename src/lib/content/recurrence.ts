import { RRule, rrulestr } from 'rrule';
import { z } from '$lib/content/zod';
import { type LocalDateTime } from './time';
import { localDateTime } from './schemas/primitives';
import { maxOccurrences, ruleProblems, ruleUntil } from './rrule-check';
import { firstStart } from './rrule-probe';

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

export { maxOccurrences };

/** A series runs at most this many years from its first start; nothing is expanded beyond it. */
export const horizonYears = 10;

function horizonOf(start: LocalDateTime): Date {
	const end = toFloating(start);
	end.setUTCFullYear(end.getUTCFullYear() + horizonYears);
	return end;
}

/** The library's reading of a checked rule (it parses only; nothing is expanded here). */
function libraryRule(rule: string, dtstart: Date): RRule {
	const parsed = rrulestr(`RRULE:${rule.toUpperCase()}`, { dtstart });
	if (!(parsed instanceof RRule)) throw new Error('only a single RRULE is supported');
	return parsed;
}

const built = new Map<string, RRule>();
const noDate = `the rule yields no date in its first ${horizonYears} years`;

/**
 * Builds a rule for expansion. Only a rule that passed the complete check and yields a date within
 * the horizon (found without the library, see rrule-probe.ts) is handed to the rrule library, which
 * loops forever or for minutes on some bad rules; anything else is refused here too, so content
 * stored before the check existed cannot freeze a server or a phone. The library is also told to
 * stop at the horizon. Built rules are kept: views expand the same few rules again and again.
 */
function buildRule(rule: string, start: LocalDateTime): RRule {
	const key = `${start} ${rule}`;
	const known = built.get(key);
	if (known) return known;
	const problems = ruleProblems(rule);
	if (problems.length) throw new Error(problems.join('; '));
	const dtstart = toFloating(start);
	const horizon = horizonOf(start);
	if (!firstStart(rule, dtstart, horizon)) throw new Error(noDate);
	const parsed = libraryRule(rule, dtstart);
	const until =
		parsed.options.until && parsed.options.until < horizon ? parsed.options.until : horizon;
	const bounded = new RRule({ ...parsed.origOptions, dtstart, until });
	if (built.size > 1000) built.clear();
	built.set(key, bounded);
	return bounded;
}

/**
 * Starts of a rule in [after, before], at most `limit` of them, never past the horizon: every
 * expansion in the app goes through here, bounded in count and in span.
 */
function startsBetween(
	rule: RRule,
	start: LocalDateTime,
	after: Date,
	before: Date,
	limit = maxOccurrences
): Date[] {
	const horizon = horizonOf(start);
	const end = before < horizon ? before : horizon;
	if (end < after) return [];
	return rule.between(after, end, true, (_, i) => i < limit);
}

/** An RRULE body without DTSTART: FREQ is required, an open-ended rule must be weekly or rarer. */
export const recurrenceRule = z
	.pipe(
		z.string().check(z.trim(), z.maxLength(300)),
		z.transform((value: string) => value.replace(/^RRULE:/i, '').toUpperCase())
	)
	.check(
		z.superRefine((rule, ctx) => {
			// Every part is checked before the library parses anything (see rrule-check.ts).
			const problems = ruleProblems(rule);
			for (const message of problems) ctx.addIssue({ code: 'custom', message });
			if (problems.length) return;
			try {
				libraryRule(rule, toFloating('2026-01-01T00:00'));
			} catch (error) {
				ctx.addIssue({
					code: 'custom',
					message: `not a valid RRULE: ${error instanceof Error ? error.message : String(error)}`
				});
			}
		})
	);

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
	const rule = event.rrule ? safeRule(event.rrule, event.start) : undefined;
	if (rule) {
		// An occurrence that started before `from` may still be running: look back by its duration.
		starts = startsBetween(
			rule,
			event.start,
			new Date(fromMs - durationMs - minute),
			new Date(toMs)
		);
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

/** The rule of stored content, or undefined (a one-off) if it fails the check. */
function safeRule(rule: string, start: LocalDateTime): RRule | undefined {
	try {
		return buildRule(rule, start);
	} catch {
		return undefined;
	}
}

/** All occurrence starts of an event (capped), cancelled ones included, for editors and ICS. */
export function allStarts(event: Recurring, limit = maxOccurrences): LocalDateTime[] {
	const rule = event.rrule ? safeRule(event.rrule, event.start) : undefined;
	if (!rule) return [event.start];
	return startsBetween(
		rule,
		event.start,
		toFloating(event.start),
		horizonOf(event.start),
		limit
	).map(fromFloating);
}

/**
 * Problems of a rule together with its event's start, for the event schema: the rule must end
 * after the start and within the horizon, and must yield at least one date.
 */
export function seriesProblems(rule: string, start: LocalDateTime): string[] {
	// A start that is not a date has a problem of its own; there is no series to look at.
	if (ruleProblems(rule).length || !localDateTime.safeParse(start).success) return [];
	const until = ruleUntil(rule);
	if (until !== undefined && until < start.slice(0, 10)) return ['until before start'];
	if (until !== undefined && toFloating(`${until}T00:00`) > horizonOf(start)) {
		return [`the rule must end within ${horizonYears} years of the start`];
	}
	if (!firstStart(rule, toFloating(start), horizonOf(start))) return [noDate];
	return [];
}

export { localDateTime };
