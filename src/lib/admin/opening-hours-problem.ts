import * as m from '$lib/paraglide/messages';

/**
 * The opening_hours library explains a bad rule in English, with the rule up to the problem:
 * `Mo-Fr 09:00-17:00 周末 <--- (Unexpected token: "周" This means that …)`. Editors read what is
 * wrong, where (the text at fault and its position) and an example of the right form, in the
 * console's language. A message of another shape is kept, after the example.
 */
const shape = /^(.*?)\s*<---\s*\((.*)\)\s*$/s;

export function openingHoursProblem(detail: string): string {
	// Refused before the library reads it (opening-hours-rule.ts).
	const tooLong = /^longer than (\d+) characters$/.exec(detail);
	if (tooLong) return m.admin_problem_too_long({ max: tooLong[1] });
	const found = shape.exec(detail.split('\n')[0]);
	if (!found) return `${detail} ${m.admin_hours_example()}`;
	const [, before, reason] = found;
	// The library echoes the rule up to the problem: its last word is the text at fault.
	const text = before.split(/\s+/).pop() || before;
	const position = Math.max(1, before.length - text.length + 1);
	let what: string;
	if (/^Unexpected token/.test(reason)) what = m.admin_hours_unexpected({ text, position });
	else if (/(?:Minutes|Hours) are greater|must be between|doesn’t have|either has 28/.test(reason))
		what = m.admin_hours_not_a_time({ text, position });
	else if (/does not continue|ends with/.test(reason))
		what = m.admin_hours_unfinished({ text, position });
	else what = m.admin_hours_wrong_at({ text, position });
	// Chinese weekday words are the usual slip: say how weekdays are written.
	const hint = /\p{Script=Han}/u.test(text) ? ` ${m.admin_hours_weekdays()}` : '';
	return `${what}${hint} ${m.admin_hours_example()}`;
}
