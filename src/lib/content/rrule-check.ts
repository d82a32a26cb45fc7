/**
 * A complete check of an RRULE body, run before the rrule library ever sees it. The library trusts
 * its input: `INTERVAL=-1` makes it loop forever, and a rule that can never match makes it search
 * for centuries. So a rule is taken apart here first, every part against RFC 5545's grammar and
 * ranges this guide allows, and only a rule with no problem is built and expanded.
 */

/** An event repeats at most this many times (the cap on every expansion, too). */
export const maxOccurrences = 500;
export const maxInterval = 100;

const frequencies = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);
const weekdays = new Set(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU']);

const wholeNumber = (text: string) => (/^[+-]?\d{1,6}$/.test(text) ? Number(text) : NaN);

function listOf(text: string, inRange: (n: number) => boolean): boolean {
	return text !== '' && text.split(',').every((part) => inRange(wholeNumber(part)));
}

/** A calendar date as YYYYMMDD, optionally with a time (THHMMSS, optionally Z): a real one. */
export function untilDate(text: string): string | undefined {
	const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
	if (!match) return undefined;
	const [, y, mo, d, h = '00', mi = '00', s = '00'] = match;
	const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
	const real =
		date.getUTCFullYear() === +y &&
		date.getUTCMonth() === +mo - 1 &&
		date.getUTCDate() === +d &&
		+h < 24 &&
		+mi < 60 &&
		+s < 60;
	return real ? `${y}-${mo}-${d}` : undefined;
}

const checks: Record<string, (value: string, freq: string | undefined) => string | undefined> = {
	FREQ: (v) => (frequencies.has(v) ? undefined : 'must repeat daily, weekly, monthly or yearly'),
	INTERVAL: (v) =>
		wholeNumber(v) >= 1 && wholeNumber(v) <= maxInterval && !/^[+-]/.test(v)
			? undefined
			: `INTERVAL must be a whole number from 1 to ${maxInterval}`,
	COUNT: (v) =>
		wholeNumber(v) >= 1 && wholeNumber(v) <= maxOccurrences && !/^[+-]/.test(v)
			? undefined
			: `COUNT must be a whole number from 1 to ${maxOccurrences}`,
	UNTIL: (v) => (untilDate(v) ? undefined : 'UNTIL must be a real date as YYYYMMDD'),
	BYDAY: (v, freq) => {
		if (v === '') return 'BYDAY must name at least one day';
		for (const day of v.split(',')) {
			const match = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(day);
			if (!match || !weekdays.has(match[2])) return `BYDAY has an unknown day: ${day}`;
			if (match[1] === undefined) continue;
			const n = Number(match[1]);
			const limit = freq === 'MONTHLY' ? 5 : freq === 'YEARLY' ? 53 : 0;
			if (n === 0 || Math.abs(n) > limit) return `BYDAY has an unknown day: ${day}`;
		}
		return undefined;
	},
	BYMONTHDAY: (v) =>
		listOf(v, (n) => n !== 0 && Math.abs(n) <= 31)
			? undefined
			: 'BYMONTHDAY must list values from 1 to 31',
	BYMONTH: (v) =>
		listOf(v, (n) => n >= 1 && n <= 12) ? undefined : 'BYMONTH must list values from 1 to 12',
	BYSETPOS: (v) =>
		listOf(v, (n) => n !== 0 && Math.abs(n) <= 366)
			? undefined
			: 'BYSETPOS must list values from 1 to 366',
	WKST: (v) => (weekdays.has(v) ? undefined : `WKST has an unknown day: ${v}`)
};

/**
 * Every problem with a rule body (without DTSTART), in plain English for the schema's messages;
 * an empty list means the rule may be built and expanded.
 */
export function ruleProblems(rule: string): string[] {
	if (rule.length > 300) return ['the rule is too long'];
	const parts = new Map<string, string>();
	const problems: string[] = [];
	for (const part of rule.split(';')) {
		const match = /^([A-Z]+)=(.*)$/i.exec(part);
		if (!match) {
			problems.push(`each part must look like KEY=VALUE, not "${part}"`);
			continue;
		}
		const key = match[1].toUpperCase();
		if (parts.has(key)) problems.push(`${key} is given twice`);
		parts.set(key, match[2].toUpperCase());
	}
	const freq = parts.get('FREQ');
	if (freq === undefined) problems.push('FREQ is required');
	for (const [key, value] of parts) {
		if (key === 'DTSTART') {
			problems.push('the start comes from the event, not the rule');
			continue;
		}
		const check = checks[key];
		if (!check) {
			problems.push(`${key} is not supported`);
			continue;
		}
		const problem = check(value, freq);
		if (problem) problems.push(problem);
	}
	const days = parts.get('BYDAY')?.split(',') ?? [];
	const ordinals = days.filter((d) => /^[+-]?\d/.test(d)).length;
	if (ordinals > 0 && ordinals < days.length) {
		problems.push('BYDAY must give every day a position (1MO,-1FR) or none');
	}
	if (parts.has('COUNT') && parts.has('UNTIL')) {
		problems.push('COUNT and UNTIL cannot both be given');
	}
	if (
		parts.has('BYSETPOS') &&
		![...parts.keys()].some((k) => k.startsWith('BY') && k !== 'BYSETPOS')
	) {
		problems.push('BYSETPOS needs another BY part');
	}
	return [...new Set(problems)];
}

/** The UNTIL date of a valid rule (YYYY-MM-DD), if it has one. */
export function ruleUntil(rule: string): string | undefined {
	const match = /(?:^|;)UNTIL=([^;]*)/i.exec(rule);
	return match ? untilDate(match[1].toUpperCase()) : undefined;
}
