import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Phones as visitors hold them: 390 × 844, the device's clock set to Berlin (a visitor from
 * abroad), while every time the app shows is Shanghai wall-clock time. Tests that need a moment
 * (9 am, a Monday) set the page's clock to it.
 */
export const berlinPhone = {
	timezoneId: 'Europe/Berlin',
	viewport: { width: 390, height: 844 }
} as const;

/** Today in Shanghai: the day the test server seeded its sample programme. */
export function shanghaiToday(): string {
	return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

export function weekdayOf(date: string): number {
	return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The instant of a Shanghai wall-clock time (UTC+8 all year). */
export function shanghaiInstant(wallClock: string): Date {
	return new Date(`${wallClock}:00+08:00`);
}

/** The public holidays the guide knows (from its feed), as a day test. */
export async function holidays(request: APIRequestContext): Promise<(date: string) => boolean> {
	const feed = await (await request.get('/api/v1/content')).json();
	const ranges: { start: string; end: string }[] = feed.holidays.flatMap(
		(y: { holidays: { start: string; end: string }[] }) => y.holidays
	);
	return (date) => ranges.some((h) => h.start <= date && date <= h.end);
}

/** The first day after today, within two weeks, on one of `weekdays` (0 = Sunday), not a holiday. */
export async function nextDay(request: APIRequestContext, weekdays: number[]): Promise<string> {
	const holiday = await holidays(request);
	for (let i = 1; i <= 14; i++) {
		const date = addDays(shanghaiToday(), i);
		if (weekdays.includes(weekdayOf(date)) && !holiday(date)) return date;
	}
	throw new Error(`no day on ${weekdays.join(', ')} in the next two weeks`);
}

/**
 * Sets the page's clock to a Shanghai moment, opens `path` and waits until the phone holds the
 * guide: from then on, pages reached by tapping are computed on the phone at that moment.
 */
export async function openAt(page: Page, wallClock: string, path: string): Promise<void> {
	await page.clock.install({ time: shanghaiInstant(wallClock) });
	await page.goto(path);
	await expect(page.getByRole('status').filter({ hasText: /Updated|内容更新于/ })).toBeVisible({
		timeout: 30_000
	});
}
