import { untilDate } from './rrule-check';

/**
 * The first date a checked rule yields within a span, found without the rrule library.
 *
 * Why: the library looks for a rule's next date period by period until the year 9999, and checks
 * its own limits (UNTIL, the end of a `between` window) only on days that match the rule. A rule
 * that matches nothing (`FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`) or nothing on its periods
 * (`FREQ=MONTHLY;INTERVAL=12;BYMONTH=3` from January) makes it search for minutes. So before a
 * rule is built, this scans the periods of the first years one by one (a few thousand days at
 * most) and the rule is accepted only if it yields a date there. A property test holds it to the
 * library's own answers for the rules both accept.
 *
 * It reads only what rrule-check.ts accepts: FREQ, INTERVAL, COUNT, UNTIL, BYDAY (ordinals only
 * for monthly and yearly rules, and then on every day), BYMONTHDAY, BYMONTH, BYSETPOS, WKST. Times
 * are "floating": wall-clock fields carried in UTC, as in recurrence.ts.
 */

const dayCodes = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const dayMs = 86_400_000;

interface Rule {
	freq: string;
	interval: number;
	until?: number;
	days: { n?: number; weekday: number }[];
	monthDays: number[];
	months: number[];
	setPos: number[];
	weekStart: number;
}

function parse(rule: string, start: Date): Rule {
	const parts = new Map(
		rule
			.toUpperCase()
			.split(';')
			.map((p) => p.split('=') as [string, string])
	);
	const list = (key: string) => (parts.get(key) ?? '').split(',').filter(Boolean);
	const numbers = (key: string) => list(key).map(Number);
	const until = parts.get('UNTIL');
	const untilMs = until
		? Date.parse(
				`${untilDate(until)}T${/T(\d\d)(\d\d)(\d\d)/.exec(until)?.slice(1).join(':') ?? '00:00:00'}Z`
			)
		: undefined;
	const parsed: Rule = {
		freq: parts.get('FREQ') ?? 'DAILY',
		interval: Number(parts.get('INTERVAL') ?? 1),
		until: untilMs,
		days: list('BYDAY').map((d) => {
			const m = /^([+-]?\d+)?([A-Z]{2})$/.exec(d) as RegExpExecArray;
			return { n: m[1] === undefined ? undefined : Number(m[1]), weekday: dayCodes.indexOf(m[2]) };
		}),
		monthDays: numbers('BYMONTHDAY'),
		months: numbers('BYMONTH'),
		setPos: numbers('BYSETPOS'),
		weekStart: dayCodes.indexOf(parts.get('WKST') ?? 'MO')
	};
	// RFC 5545 (and the library): a rule that names no day takes its days from the start.
	if (!parsed.days.length && !parsed.monthDays.length) {
		if (parsed.freq === 'YEARLY') {
			if (!parsed.months.length) parsed.months = [start.getUTCMonth() + 1];
			parsed.monthDays = [start.getUTCDate()];
		} else if (parsed.freq === 'MONTHLY') {
			parsed.monthDays = [start.getUTCDate()];
		} else if (parsed.freq === 'WEEKLY') {
			parsed.days = [{ weekday: start.getUTCDay() }];
		}
	}
	return parsed;
}

const daysInMonth = (year: number, month0: number) =>
	new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();

/** The days (midnight, UTC fields) of the k-th period after the start's. */
function periodDays(rule: Rule, start: Date, k: number): number[] {
	const y = start.getUTCFullYear();
	const m = start.getUTCMonth();
	const day0 = Date.UTC(y, m, start.getUTCDate());
	const step = k * rule.interval;
	const span = (from: number, count: number) =>
		Array.from({ length: count }, (_, i) => from + i * dayMs);
	switch (rule.freq) {
		case 'DAILY':
			return [day0 + step * dayMs];
		case 'WEEKLY': {
			// The library's first week starts on the start's own day (not the week's first day).
			const back = (start.getUTCDay() - rule.weekStart + 7) % 7;
			if (k === 0) return span(day0, 7 - back);
			return span(day0 - back * dayMs + step * 7 * dayMs, 7);
		}
		case 'MONTHLY': {
			const first = Date.UTC(y, m + step, 1);
			const d = new Date(first);
			return span(first, daysInMonth(d.getUTCFullYear(), d.getUTCMonth()));
		}
		default: {
			const first = Date.UTC(y + step, 0, 1);
			return span(first, (Date.UTC(y + step + 1, 0, 1) - first) / dayMs);
		}
	}
}

/** Whether `day` is the n-th (or n-th last) of its weekday in its month or year. */
function nthWeekday(day: Date, n: number, inYear: boolean): boolean {
	const y = day.getUTCFullYear();
	const first = inYear ? Date.UTC(y, 0, 1) : Date.UTC(y, day.getUTCMonth(), 1);
	const last = inYear ? Date.UTC(y, 11, 31) : Date.UTC(y, day.getUTCMonth() + 1, 0);
	const t = day.getTime();
	return n > 0
		? Math.floor((t - first) / dayMs / 7) + 1 === n
		: Math.floor((last - t) / dayMs / 7) + 1 === -n;
}

function matches(rule: Rule, t: number): boolean {
	const day = new Date(t);
	const month = day.getUTCMonth() + 1;
	if (rule.months.length && !rule.months.includes(month)) return false;
	if (rule.monthDays.length) {
		const length = daysInMonth(day.getUTCFullYear(), month - 1);
		const date = day.getUTCDate();
		if (!rule.monthDays.some((md) => (md > 0 ? md === date : length + md + 1 === date))) {
			return false;
		}
	}
	if (rule.days.length) {
		const inYear = rule.freq === 'YEARLY' && !rule.months.length;
		const ok = rule.days.some(
			(d) =>
				d.weekday === day.getUTCDay() &&
				(d.n === undefined || rule.freq === 'DAILY' || rule.freq === 'WEEKLY'
					? true
					: nthWeekday(day, d.n, inYear))
		);
		if (!ok) return false;
	}
	return true;
}

/**
 * The first start (a floating Date) the rule yields in [start, end], or undefined if it yields
 * none there. `rule` must have passed `ruleProblems`.
 */
export function firstStart(rule: string, start: Date, end: Date): Date | undefined {
	const parsed = parse(rule, start);
	const time =
		start.getTime() - Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate());
	const last = Math.min(end.getTime(), parsed.until ?? Infinity);
	// An unreadable start (one that failed its own check: the schema still runs this rule's check)
	// made every comparison below false and the scan endless; the bench's fuzzer found it. Every
	// period is at least a day long, so the span bounds the scan in any case.
	if (!Number.isFinite(start.getTime()) || !Number.isFinite(last)) return undefined;
	const periods = Math.ceil((last - start.getTime()) / dayMs) + 2;
	for (let k = 0; k < periods; k++) {
		const days = periodDays(parsed, start, k);
		if (days[0] > last) return undefined;
		let chosen = days.filter((t) => matches(parsed, t));
		if (parsed.setPos.length) {
			chosen = [
				...new Set(
					parsed.setPos
						.map((p) => chosen[p > 0 ? p - 1 : chosen.length + p])
						.filter((t) => t !== undefined)
				)
			].sort((a, b) => a - b);
		}
		for (const t of chosen) {
			const at = t + time;
			if (at > last) return undefined;
			if (at >= start.getTime()) return new Date(at);
		}
	}
	return undefined;
}
