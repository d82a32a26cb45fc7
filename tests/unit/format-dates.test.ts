import { describe, expect, it } from 'vitest';
import { formatDateRange, formatDay, formatFullDate, formatLongDate } from '$lib/content/format';

const now = new Date('2026-12-07T02:00:00Z'); // Monday 7 December 2026, 10:00 in Shanghai

describe('dates as each language writes them', () => {
	it('writes Chinese dates with 月 and 日, and the year only when it is not this year', () => {
		expect(formatDay('2026-12-05', 'zh', now)).toBe('12月5日 周六');
		expect(formatDay('2027-02-05', 'zh', now)).toBe('2027年2月5日 周五');
		expect(formatDateRange('2026-02-05', '2026-04-06', 'zh', now)).toBe('2月5日 – 4月6日');
		expect(formatDateRange('2027-02-05', '2027-04-06', 'zh', now)).toBe('2027年2月5日 – 4月6日');
		expect(formatDateRange('2027-02-05', '2027-02-10', 'zh', now)).toBe('2027年2月5日 – 10日');
		expect(formatDateRange('2026-12-28', '2027-01-03', 'zh', now)).toBe(
			'2026年12月28日 – 2027年1月3日'
		);
		expect(formatFullDate('2026-12-07', 'zh')).toBe('2026年12月7日 星期一');
		expect(formatLongDate('2026-12-07', 'zh')).toBe('2026年12月7日');
	});

	it('writes English dates in one natural order: weekday, day, month, year', () => {
		expect(formatFullDate('2026-12-07', 'en')).toBe('Mon 7 December 2026');
		expect(formatDay('2026-12-05', 'en', now)).toBe('Sat 5 Dec');
		expect(formatDay('2027-02-05', 'en', now)).toBe('Fri 5 Feb 2027');
		expect(formatDateRange('2026-02-05', '2026-04-06', 'en', now)).toBe('5 Feb – 6 Apr');
		expect(formatDateRange('2027-02-05', '2027-02-10', 'en', now)).toBe('5 – 10 Feb 2027');
		expect(formatDateRange('2026-12-28', '2027-01-03', 'en', now)).toBe('28 Dec 2026 – 3 Jan 2027');
		expect(formatLongDate('2026-12-07', 'en')).toBe('7 December 2026');
	});

	it('never writes a Chinese date with slashes, whatever the day', () => {
		for (let i = 0; i < 800; i += 7) {
			const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
			const e = new Date(Date.UTC(2026, 0, 1 + i + 40)).toISOString().slice(0, 10);
			for (const text of [formatDay(d, 'zh', now), formatDateRange(d, e, 'zh', now)]) {
				expect(text).not.toContain('/');
				expect(text).toMatch(/\d+月\d+日/);
			}
		}
	});
});
