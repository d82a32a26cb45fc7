import OpeningHours from 'opening_hours';
import { z } from '$lib/content/zod';

/**
 * The address passed to the opening_hours library. It needs a country to understand `PH`; the
 * library's own Chinese holidays are incomplete, which is why holiday answers come from the app's
 * calendar (see opening-hours.ts), but parsing still needs a country and state.
 */
export const openingHoursLocation = {
	lat: 35.35,
	lon: 116.6,
	address: { country_code: 'cn', state: '山东省' }
};

/**
 * The longest rule accepted. The library's time grows with the square of a rule's length (8,000
 * characters of nonsense take seconds, a megabyte would hold the server for hours), so a longer
 * rule is refused before the library reads it.
 */
export const maxOpeningHoursLength = 500;

/** Parses a rule, or returns the library's message for why it is not valid. */
export function parseOpeningHours(rule: string): OpeningHours | string {
	if (rule.length > maxOpeningHoursLength) {
		return `longer than ${maxOpeningHoursLength} characters`;
	}
	try {
		return new OpeningHours(rule, openingHoursLocation, 0);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** An OpenStreetMap opening_hours value that the library accepts. */
export const openingHoursRule = z.string().check(
	z.trim(),
	z.minLength(1),
	z.maxLength(maxOpeningHoursLength),
	z.superRefine((rule, ctx) => {
		// zod runs this even when the rule is over the maximum, which is already reported.
		if (rule.length > maxOpeningHoursLength) return;
		const parsed = parseOpeningHours(rule);
		if (typeof parsed === 'string') {
			ctx.addIssue({
				code: 'custom',
				message: `not valid opening_hours: ${parsed.split('\n')[0]}`
			});
		}
	})
);
