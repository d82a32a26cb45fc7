import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * "Add to calendar" inside WeChat on an iPhone: no service worker, and a download does nothing.
 * Each page then offers the calendar's https address to copy or scan, and the address works.
 */
const wechatIphone =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN';

test.use({ userAgent: wechatIphone, serviceWorkers: 'block' });

test.beforeEach(async ({ page }) => {
	// As in WeChat on iPhone: the page has no service worker API at all.
	await page.addInitScript(() => {
		Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });
	});
	page.on('download', () => {
		throw new Error('a download was started where the browser blocks downloads');
	});
	page.on('pageerror', (error) => {
		throw error;
	});
});

/** The calendar address the page offers, after checking it is shown with its QR code. */
async function offeredAddress(page: Page): Promise<string> {
	const panel = page.locator('.calendar-address');
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('img')).toBeVisible();
	return panel.locator('input').inputValue();
}

async function calendarAt(page: Page, address: string): Promise<string> {
	const response = await page.request.get(address);
	expect(response.status(), address).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	return response.text();
}

test('an event page offers its calendar address instead of a file, reminding 30 minutes before by default', async ({
	page,
	request
}) => {
	const feed = await (await request.get('/api/v1/content')).json();
	const event = feed.events.find((e: { status: string }) => e.status === 'published');
	await page.goto(`/events/${event.slug}`);
	await page.waitForSelector('html[data-ready]');
	await page.getByRole('button', { name: '加入日历' }).click();
	const address = await offeredAddress(page);
	expect(address).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/api/v1/events\\.ics\\?event=`));
	const text = await calendarAt(page, address);
	expect(address).toMatch(/&alarm=30$/);
	expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(1);
	expect(text).toContain(`SUMMARY:${event.title.zh}`);
	expect(text).toContain('TRIGGER:-PT30M');
});

test('a festival page shows its subscription address in https form, not only webcal', async ({
	page
}) => {
	await page.goto('/en/festivals/spring-lantern-fair');
	await page.waitForSelector('html[data-ready]');
	const address = await offeredAddress(page);
	expect(address).toMatch(/\/api\/v1\/events\.ics\?festival=spring-lantern-fair&lang=en$/);
	expect(await calendarAt(page, address)).toContain('X-WR-CALNAME:Taibai Lake Spring Lantern Fair');
});

test('a plan offers an address where the server writes the same day, with the reminder chosen for its stop', async ({
	page
}) => {
	// A Wednesday a week or two ahead: no museum-style Monday closing in the way.
	const today = new Date(Date.now() + 8 * 3600_000);
	const ahead = ((3 - today.getUTCDay() + 7) % 7) + 7;
	const date = new Date(today.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
	await page.goto(`/en/plan/${date}`);
	await expect(page.getByRole('button', { name: 'Order my day' })).toBeVisible({ timeout: 20_000 });
	await page.getByLabel('Any place').selectOption({ label: 'Taibai Lake Scenic Area' });
	await page.getByLabel('Any place').locator('..').getByRole('button', { name: 'Add' }).click();
	await expect(page.locator('.timeline .stop .name')).toContainText(['Taibai Lake Scenic Area']);
	await page
		.getByRole('combobox', { name: 'Taibai Lake Scenic Area' })
		.selectOption({ label: '10 minutes before' });
	await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click();
	const address = await offeredAddress(page);
	expect(address).toMatch(/\/api\/v1\/plan\.ics\?plan=[\w-]+&lang=en&alarm=10$/);
	const text = await calendarAt(page, address);
	expect(text).toContain('SUMMARY:Visit: Taibai Lake Scenic Area');
	expect(text).toContain(`DTSTART;TZID=Asia/Shanghai:${date.replaceAll('-', '')}T`);
	expect(text).toContain('TRIGGER:-PT10M');
});
