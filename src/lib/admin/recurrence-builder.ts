import { allStarts } from '$lib/content/recurrence';
import { weekday, type LocalDate, type LocalDateTime } from '$lib/content/time';

/** RFC 5545 weekday codes, Monday first as on a Chinese calendar. */
export const weekdayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof weekdayCodes)[number];

/** What the recurrence builder shows: none, weekly on chosen days, or a rule typed by hand. */
export interface RepeatChoice {
	repeat: 'none' | 'weekly' | 'custom';
	days: WeekdayCode[];
	ends: 'count' | 'until' | 'never';
	count: string;
	/** Last date, `YYYY-MM-DD`, inclusive. */
	until: string;
	/** A hand-written RRULE body, for rules the builder cannot express. */
	custom: string;
}

/** The weekday code of a wall-clock date or time. */
export function weekdayOf(start: LocalDate | LocalDateTime): WeekdayCode {
	return weekdayCodes[(weekday(start.slice(0, 10)) + 6) % 7];
}

export const noRepeat: RepeatChoice = {
	repeat: 'none',
	days: [],
	ends: 'count',
	count: '8',
	until: '',
	custom: ''
};

/** Reads a stored rule back into the builder; a rule it cannot express opens as "custom". */
export function choiceOf(rrule: string | undefined): RepeatChoice {
	if (!rrule) return { ...noRepeat };
	const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
	const keys = [...parts.keys()].filter((k) => k !== 'FREQ' && k !== 'BYDAY' && k !== 'WKST');
	const days = (parts.get('BYDAY') ?? '').split(',').filter(Boolean);
	const simpleDays = days.every((d) => (weekdayCodes as readonly string[]).includes(d));
	const count = parts.get('COUNT');
	const until = parts.get('UNTIL');
	const untilDate = until && /^(\d{4})(\d{2})(\d{2})(?:T235959)?$/.exec(until);
	const expressible =
		parts.get('FREQ') === 'WEEKLY' &&
		simpleDays &&
		(parts.get('INTERVAL') ?? '1') === '1' &&
		keys.every((k) => k === 'COUNT' || k === 'UNTIL' || k === 'INTERVAL') &&
		(!until || !!untilDate);
	if (!expressible) return { ...noRepeat, repeat: 'custom', custom: rrule };
	return {
		repeat: 'weekly',
		days: days as WeekdayCode[],
		ends: count ? 'count' : untilDate ? 'until' : 'never',
		count: count ?? '8',
		until: untilDate ? `${untilDate[1]}-${untilDate[2]}-${untilDate[3]}` : '',
		custom: ''
	};
}

export type RuleResult =
	{ rule: string | undefined } | { problem: 'count' | 'until' | 'until before start' };

/**
 * The RRULE body for a choice. Weekly always includes the start's own weekday: the start is the
 * first occurrence, and a rule that skipped it would contradict the event's date. UNTIL is the end
 * of the chosen day in wall-clock ("floating") time, like every time in recurrence.ts.
 */
export function ruleOf(choice: RepeatChoice, start: LocalDateTime): RuleResult {
	if (choice.repeat === 'none') return { rule: undefined };
	if (choice.repeat === 'custom') return { rule: choice.custom.trim() || undefined };
	const chosen = new Set<WeekdayCode>([...choice.days, weekdayOf(start)]);
	const days = weekdayCodes.filter((d) => chosen.has(d));
	let rule = `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
	if (choice.ends === 'count') {
		const count = Number(choice.count);
		if (!Number.isInteger(count) || count < 1 || count > 500) return { problem: 'count' };
		rule += `;COUNT=${count}`;
	} else if (choice.ends === 'until') {
		if (!/^\d{4}-\d{2}-\d{2}$/.test(choice.until)) return { problem: 'until' };
		if (choice.until < start.slice(0, 10)) return { problem: 'until before start' };
		rule += `;UNTIL=${choice.until.replaceAll('-', '')}T235959`;
	}
	return { rule };
}

/** Every occurrence start of a draft rule, or just the start when the rule cannot be read yet. */
export function previewStarts(
	start: LocalDateTime,
	end: LocalDateTime,
	rule: string | undefined
): LocalDateTime[] {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(start)) return [];
	try {
		return allStarts({ start, end, rrule: rule });
	} catch {
		return [start];
	}
}
