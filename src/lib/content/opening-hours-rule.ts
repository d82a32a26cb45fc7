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

/** Parses a rule, or returns the library's message for why it is not valid. */
export function parseOpeningHours(rule: string): OpeningHours | string {
	try {
		return new OpeningHours(rule, openingHoursLocation, 0);
	} catch (error) {
		return error instanceof Error ? error.message : String(error);
	}
}

/** An OpenStreetMap opening_hours value that the library accepts. */
export const openingHoursRule = z
	.string()
	.trim()
	.min(1)
	.max(500)
	.superRefine((rule, ctx) => {
		const parsed = parseOpeningHours(rule);
		if (typeof parsed === 'string') {
			ctx.addIssue({
				code: 'custom',
				message: `not valid opening_hours: ${parsed.split('\n')[0]}`
			});
		}
	});
