import type { FieldProblem } from '$lib/content/validation';
import * as m from '$lib/paraglide/messages';
import { openingHoursProblem } from './opening-hours-problem';

/**
 * The schemas speak English to developers ("must be after the start"); editors read each problem
 * in the console's language. Known messages are matched here; anything unknown is shown as it is
 * rather than hidden. Keep in step with src/lib/content/schemas (a unit test covers every message).
 */
const known: [RegExp, (match: RegExpExecArray) => string][] = [
	[/^must be lowercase letters, digits and single hyphens$/, () => m.admin_problem_slug()],
	[/^must look like prefix_abc123$/, () => m.admin_problem_id()],
	[/^must (?:be a web address|start with http:\/\/ or https:\/\/)$/, () => m.admin_problem_url()],
	[/^Chinese text is required$/, () => m.admin_problem_chinese_required()],
	[/^must be after the start$/, () => m.admin_problem_end_after_start()],
	[/^a reason is required when /, () => m.admin_problem_reason_required()],
	[/^needs a venue or a position$/, () => m.admin_problem_venue_or_position()],
	[
		/^must be published before a public record can point to it$/,
		() => m.admin_problem_unpublished_reference()
	],
	[/^must not be before the start date$/, () => m.admin_problem_end_date()],
	[/^must be a phone number$/, () => m.admin_problem_phone()],
	[/^a tour needs at least two stops$/, () => m.admin_problem_two_stops()],
	[/^a transcript is required$/, () => m.admin_problem_transcript_required()],
	[/^one recording per language$/, () => m.admin_problem_recording_language()],
	[/^must be a stored recording$/, () => m.admin_problem_recording_url()],
	[/^a path needs at least two points$/, () => m.admin_problem_two_points()],
	[/^a stop needs a venue or a point, not both$/, () => m.admin_problem_stop_venue_or_point()],
	[/^must be a date as YYYY-MM-DD$/, () => m.admin_problem_date()],
	[/^must be a date and time as YYYY-MM-DDTHH:mm$/, () => m.admin_problem_datetime()],
	[/^the start comes from the event, not the rule$/, () => m.admin_problem_rrule_dtstart()],
	[/^must repeat daily, weekly, monthly or yearly$/, () => m.admin_problem_rrule_freq()],
	[/^not a valid RRULE: (.*)$/, (x) => m.admin_problem_rrule_invalid({ detail: x[1] })],
	[/^FREQ is required$/, () => m.validation_rule_freq_required()],
	[
		/^([A-Z]+) must be a whole number from (\d+) to (\d+)$/,
		(x) => m.validation_rule_range({ part: x[1], min: x[2], max: x[3] })
	],
	[/^UNTIL must be a real date as YYYYMMDD$/, () => m.validation_rule_until()],
	[/^BYDAY must name at least one day$/, () => m.validation_rule_no_day()],
	[
		/^([A-Z]+) has an unknown day: (.*)$/,
		(x) => m.validation_rule_unknown_day({ part: x[1], day: x[2] })
	],
	[
		/^([A-Z]+) must list values from (\d+) to (\d+)$/,
		(x) => m.validation_rule_list({ part: x[1], min: x[2], max: x[3] })
	],
	[/^([A-Z]+) is not supported$/, (x) => m.validation_rule_unsupported({ part: x[1] })],
	[/^([A-Z]+) is given twice$/, (x) => m.validation_rule_twice({ part: x[1] })],
	[
		/^each part must look like KEY=VALUE, not "(.*)"$/,
		(x) => m.validation_rule_part({ part: x[1] })
	],
	[/^COUNT and UNTIL cannot both be given$/, () => m.validation_rule_count_and_until()],
	[/^BYSETPOS needs another BY part$/, () => m.validation_rule_setpos_alone()],
	[/^BYDAY must give every day a position/, () => m.validation_rule_mixed_positions()],
	[/^the rule is too long$/, () => m.validation_rule_too_long()],
	[
		/^the rule yields no date in its first (\d+) years$/,
		(x) => m.validation_rule_no_date({ years: x[1] })
	],
	[
		/^the rule must end within (\d+) years of the start$/,
		(x) => m.validation_rule_horizon({ years: x[1] })
	],
	[/^must be within (\d+) days of the start(?: date)?$/, (x) => m.validation_span({ days: x[1] })],
	[/^must not contain control characters$/, () => m.validation_control_characters()],
	[
		/^the year must be from (\d+) to (\d+)$/,
		(x) => m.validation_year_range({ min: x[1], max: x[2] })
	],
	[
		/^not valid opening_hours: (.*)$/s,
		(x) => m.admin_problem_opening_hours({ detail: openingHoursProblem(x[1]) })
	],
	[/^"(.*)" is already used$/, (x) => m.admin_problem_taken({ value: x[1] })],
	[/^"(.*)" is not a time of day$/, (x) => m.admin_problem_not_a_time({ value: x[1] })],
	[/^"(.*)" is not a date$/, (x) => m.admin_problem_not_a_date({ value: x[1] })],
	[
		/^"(.*)" is not written as YYYY-MM-DD HH:MM$/,
		(x) => m.admin_problem_not_date_time({ value: x[1] })
	],
	[/^unknown venue$/, () => m.admin_problem_unknown_venue()],
	[/^must be a venue, tour or festival$/, () => m.admin_problem_scope()],
	[/^unsupported time zone (.*)$/, (x) => m.admin_problem_time_zone({ zone: x[1] })],
	[/^too many cells$/, () => m.admin_problem_too_many_cells()],
	[/^count$/, () => m.admin_problem_count()],
	[/^until$/, () => m.admin_problem_until()],
	[/^until before start$/, () => m.admin_problem_until_before_start()],
	// zod's own messages (v4, English locale)
	[/received undefined$/, () => m.admin_problem_required()],
	[/expected number, received (?:string|NaN)/, () => m.admin_problem_number()],
	[/expected int/, () => m.admin_problem_whole_number()],
	[/^Too big: expected string to have <=(\d+)/, (x) => m.admin_problem_too_long({ max: x[1] })],
	[/^Too small: expected string to have >=1 /, () => m.admin_problem_required()],
	[/^Too small: expected array to have >=(\d+)/, (x) => m.admin_problem_too_few({ min: x[1] })],
	[/^Too big: expected array to have <=(\d+)/, (x) => m.validation_too_many({ max: x[1] })],
	[
		/^Too small: expected number to be >=?(-?[\d.]+)/,
		(x) => m.admin_problem_at_least({ min: x[1] })
	],
	[/^Too big: expected number to be <=?(-?[\d.]+)/, (x) => m.admin_problem_at_most({ max: x[1] })],
	[/^Invalid (?:option|input: expected one of)/, () => m.admin_problem_choose()],
	[/^Invalid input$/, () => m.admin_problem_invalid()]
];

export function problemText(message: string): string {
	for (const [pattern, text] of known) {
		const match = pattern.exec(message);
		if (match) return text(match);
	}
	return message;
}

/**
 * The problems to show at one field: its own path, and with `nested` also everything below it
 * (`tags` shows `tags.2`). Messages are translated.
 */
export function problemsAt(problems: FieldProblem[] | undefined, path: string, nested = false) {
	return (problems ?? [])
		.filter((p) => p.path === path || (nested && p.path.startsWith(`${path}.`)))
		.map((p) => problemText(p.message));
}

const fileProblems: [RegExp, (match: RegExpExecArray) => string][] = [
	[/^not a text file$/, () => m.admin_file_not_text()],
	[/^not UTF-8$/, () => m.admin_file_not_utf8()],
	[/^too large$/, () => m.admin_file_too_large()],
	[/^the file is empty$/, () => m.admin_file_empty()],
	[/^not a complete calendar$/, () => m.admin_file_incomplete_calendar()],
	[/^the file has no rows$/, () => m.admin_file_no_rows()],
	[/^more than (\d+) rows$/, (x) => m.admin_file_too_many_rows({ rows: x[1] })],
	[
		/^line (\d+): a quoted field is never closed$/,
		(x) => m.admin_file_unclosed_quote({ line: x[1] })
	],
	[
		/^line (\d+): unexpected text after a closing quote$/,
		(x) => m.admin_file_text_after_quote({ line: x[1] })
	]
];

/** Why a whole file was refused, in the console's language (several reasons joined by "; "). */
export function fileProblemText(message: string): string {
	return message
		.split('; ')
		.map((part) => {
			const missing = /^missing columns: (.*)$/.exec(part);
			if (missing) return m.admin_file_missing_columns({ columns: missing[1] });
			const unknown = /^unknown columns: (.*)$/.exec(part);
			if (unknown) return m.admin_file_unknown_columns({ columns: unknown[1] });
			for (const [pattern, text] of fileProblems) {
				const match = pattern.exec(part);
				if (match) return text(match);
			}
			return part;
		})
		.join('；');
}
