import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeAgo } from '$lib/i18n/time-ago';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
const now = Date.parse('2026-12-08T05:30:00Z');

/** What the browser's own formatter says for that many whole units ago. */
function intlSays(lang: 'zh' | 'en', count: number, unit: 'minute' | 'hour' | 'day'): string {
	const format = new Intl.RelativeTimeFormat(lang === 'en' ? 'en' : 'zh-CN', { numeric: 'auto' });
	return format.format(-count, unit);
}

describe('how long ago the content was updated', () => {
	it('says what Intl.RelativeTimeFormat says, in Chinese and English, for any time in the last year', () => {
		fc.assert(
			fc.property(
				// Each band as likely as the others: seconds, minutes, hours, then days.
				fc.oneof(
					fc.integer({ min: -minute, max: minute - 1 }),
					fc.integer({ min: minute, max: hour - 1 }),
					fc.integer({ min: hour, max: day - 1 }),
					fc.integer({ min: day, max: 365 * day })
				),
				fc.constantFrom('zh' as const, 'en' as const),
				(elapsed, lang) => {
					const [count, unit] =
						elapsed < minute
							? [0, 'minute' as const]
							: elapsed < hour
								? [Math.round(elapsed / minute), 'minute' as const]
								: elapsed < day
									? [Math.round(elapsed / hour), 'hour' as const]
									: [Math.round(elapsed / day), 'day' as const];
					expect(timeAgo(now - elapsed, now, lang)).toBe(intlSays(lang, count, unit));
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('says “this minute” for a sync a few seconds ago, or a phone clock a little behind', () => {
		expect(timeAgo(now - 5_000, now, 'zh')).toBe('此刻');
		expect(timeAgo(now + 20_000, now, 'en')).toBe('this minute');
	});

	it('names yesterday and the day before as people do', () => {
		expect(timeAgo(now - day, now, 'zh')).toBe('昨天');
		expect(timeAgo(now - 2 * day, now, 'zh')).toBe('前天');
		expect(timeAgo(now - 2 * day, now, 'en')).toBe('2 days ago');
		expect(timeAgo(now - 3 * hour, now, 'en')).toBe('3 hours ago');
		expect(timeAgo(now - minute, now, 'en')).toBe('1 minute ago');
	});
});
