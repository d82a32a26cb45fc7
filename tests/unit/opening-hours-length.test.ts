import { describe, expect, it } from 'vitest';
import {
	maxOpeningHoursLength,
	openingHoursRule,
	parseOpeningHours
} from '$lib/content/opening-hours-rule';

// Found by the reliability bench: a venue saved with 941,507 characters of opening hours held the
// server past the fuzzer's 60 s wait; the library's time grows with the square of the length.
describe('an opening-hours rule over the maximum length', () => {
	it('is refused as too long, and only as too long, without the library reading it', () => {
		const result = openingHoursRule.safeParse('x'.repeat(5000));
		expect(result.success).toBe(false);
		const messages = result.error!.issues.map((issue) => issue.message);
		expect(messages).toHaveLength(1);
		expect(messages[0]).toMatch(/^Too big: expected string to have <=500 characters/);
	});

	// Sized so that without the guard the test ends (as a time-out) rather than hanging for hours.
	it('is answered at once even when it is 50,000 characters long', () => {
		expect(parseOpeningHours('x'.repeat(50_000))).toBe(
			`longer than ${maxOpeningHoursLength} characters`
		);
		expect(openingHoursRule.safeParse('Mo-Fr 09:00-17:00 '.repeat(3_000)).success).toBe(false);
	});

	it('is still parsed when it is within the maximum', () => {
		const rule = `${'Mo-Fr 09:00-17:00; '.repeat(25)}Sa 10:00-16:00`;
		expect(rule.length).toBeLessThanOrEqual(maxOpeningHoursLength);
		expect(typeof parseOpeningHours(rule)).toBe('object');
		expect(openingHoursRule.safeParse(rule).success).toBe(true);
	});
});
