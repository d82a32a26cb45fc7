import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/**
 * The day planner, as a visitor uses it. The sample content is seeded relative to the day the test
 * server starts (today in Shanghai), so dates are computed here and things are found by their names.
 */

function shanghaiToday(): string {
	return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

function addDays(date: string, days: number): string {
	const d = new Date(`${date}T00:00:00Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 10);
}

/** 2026's public holidays (the museum opens on a holiday Monday): never pick one. */
const holidays2026 = [
	['2026-01-01', '2026-01-03'],
	['2026-02-15', '2026-02-23'],
	['2026-04-04', '2026-04-06'],
	['2026-05-01', '2026-05-05'],
	['2026-06-19', '2026-06-21'],
	['2026-09-25', '2026-09-27'],
	['2026-10-01', '2026-10-07']
];

/** The first day within the next two weeks on `weekday` (0 = Sunday) that is not a holiday. */
function next(weekday: number): string {
	for (let i = 1; i <= 14; i++) {
		const date = addDays(shanghaiToday(), i);
		const holiday = holidays2026.some(([from, to]) => date >= from && date <= to);
		if (new Date(`${date}T00:00:00Z`).getUTCDay() === weekday && !holiday) return date;
	}
	throw new Error(`no such day in the next two weeks`);
}

async function ready(page: Page) {
	await page.waitForSelector('html[data-ready]');
}

async function save(page: Page, path: string) {
	await page.goto(path);
	await ready(page);
	const button = page.locator('button.favourite').first();
	await expect(button).toBeEnabled();
	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** Opens a day's plan and adds places through the "Any place" picker. */
async function planDay(page: Page, date: string, places: string[]) {
	await page.goto(`/en/plan/${date}`);
	await expect(page.getByRole('button', { name: 'Order my day' })).toBeVisible({ timeout: 20_000 });
	for (const place of places) {
		await page.getByLabel('Any place').selectOption({ label: place });
		await page.getByLabel('Any place').locator('..').getByRole('button', { name: 'Add' }).click();
	}
}

function stopTimes(page: Page) {
	return page.locator('.timeline .stop .time').allTextContents();
}

function stopNames(page: Page) {
	return page.locator('.timeline .stop .name').allTextContents();
}

test('two saved events too far apart for the gap between them show a clash warning', async ({
	page
}) => {
	await save(page, '/en/events/jining-snack-fair');
	await save(page, '/en/events/taibai-tower-guided-tour');
	await page.goto('/en/plan');
	const warning = page.getByText(
		/Clashes with Jining Snack Fair: needs \d+ min walk, 30 min between/
	);
	await expect(warning).toBeVisible({ timeout: 20_000 });
	await expectAccessible(page);

	// By taxi the trip fits in the half hour between them.
	const modes = page.getByRole('group', { name: 'Check travel times by' });
	await modes.getByRole('button', { name: 'Taxi + short walk' }).click();
	await expect(warning).toHaveCount(0);
	await modes.getByRole('button', { name: 'Walk', exact: true }).click();
	await expect(warning).toBeVisible();

	await page.goto('/plan');
	await expect(
		page.getByText(/与「济宁小吃市集」冲突：步行需 \d+ 分钟，间隔仅 30 分钟/)
	).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('我的行程');
	await expectAccessible(page);
});

test('ordering a Monday with the museum leaves it out: closed on Mondays', async ({ page }) => {
	const monday = next(1);
	await planDay(page, monday, ['Jining Museum', 'Jizhou Old Street']);
	await page.getByRole('button', { name: 'Order my day' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ordered' })).toBeVisible();
	expect(await stopNames(page)).toEqual(['Jizhou Old Street']);
	const left = page.getByRole('region', { name: 'Not in the plan' });
	await expect(left.getByRole('listitem')).toHaveCount(1);
	await expect(left).toContainText('Jining Museum');
	await expect(left).toContainText('Closed on Mondays');
	await expectAccessible(page);

	// The same plan in Chinese says why in Chinese.
	await page.goto(`/plan/${monday}`);
	await expect(page.getByRole('region', { name: '未安排' })).toContainText('星期一闭馆', {
		timeout: 20_000
	});
	await expectAccessible(page);
});

test('reordering by dragging or with the buttons recomputes the times at once', async ({
	page
}) => {
	const tuesday = next(2);
	await planDay(page, tuesday, ['Jining Library', 'Jizhou Old Street']);
	// Only the two places move here: an order that keeps the visitor out over lunch would add a break.
	await page.getByLabel('Lunch break, about 45 minutes between 11:30 and 13:30').uncheck();
	await page.getByRole('button', { name: 'Order my day' }).click();
	await expect(page.locator('.timeline .stop')).toHaveCount(2);
	const names = await stopNames(page);
	const times = await stopTimes(page);

	// Drag the second stop above the first by its handle.
	const handle = page.getByRole('button', { name: `Drag ${names[1]} to reorder` });
	const target = page.locator('.timeline .stop').first();
	await target.scrollIntoViewIfNeeded();
	await handle.hover();
	await page.mouse.down();
	const to = (await target.boundingBox())!;
	await page.mouse.move(to.x + 20, to.y + 10, { steps: 8 });
	await page.mouse.up();
	await expect.poll(() => stopNames(page)).toEqual([names[1], names[0]]);
	const dragged = await stopTimes(page);
	expect(dragged).not.toEqual(times);

	// The keyboard way back: "later" on the first stop.
	await page.getByRole('button', { name: `Move ${names[1]} later` }).click();
	await expect.poll(() => stopNames(page)).toEqual(names);
	expect(await stopTimes(page)).toEqual(times);

	// A longer visit moves the next stop's times.
	const minutes = page.locator('.timeline .stop').first().getByLabel('Minutes here');
	await minutes.fill(String(Number(await minutes.inputValue()) + 30));
	await minutes.press('Enter');
	await expect.poll(async () => (await stopTimes(page))[1]).not.toBe(times[1]);

	// The plan survives a reload: it is stored on the phone.
	await page.reload();
	await expect(page.locator('.timeline .stop')).toHaveCount(2, { timeout: 20_000 });
	expect(await stopNames(page)).toEqual(names);
});

async function freshContext(browser: Browser) {
	const context = await browser.newContext({
		viewport: { width: 412, height: 915 },
		isMobile: true,
		hasTouch: true
	});
	await context.route(/tile\.openstreetmap\.org|tianditu\.gov\.cn/, (route) => route.abort());
	return context;
}

test('a shared plan link opens read-only in another browser, which can save a copy', async ({
	page,
	browser
}) => {
	const tuesday = next(2);
	await planDay(page, tuesday, ['Jining Art Museum', 'Lakeside Park']);
	await page.getByRole('button', { name: 'Order my day' }).click();
	const names = await stopNames(page);
	const times = await stopTimes(page);
	await page.getByRole('button', { name: 'Make a share link' }).click();
	const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
	expect(link).toMatch(/\/en\/plan\/shared#[A-Za-z0-9_-]+$/);
	await expect(page.getByRole('img', { name: 'QR code of the share link' })).toBeVisible();
	await expectAccessible(page);

	const other = await freshContext(browser);
	const friend = await other.newPage();
	await friend.goto(link);
	await expect(friend.getByRole('heading', { level: 1 })).toContainText('Shared plan');
	await expect(friend.locator('.timeline .stop')).toHaveCount(2, { timeout: 30_000 });
	expect(await stopNames(friend)).toEqual(names);
	expect(await stopTimes(friend)).toEqual(times);
	await expect(friend.getByRole('button', { name: /Move .* later/ })).toHaveCount(0);
	await expectAccessible(friend);

	await friend.getByRole('button', { name: 'Save a copy' }).click();
	await expect(friend).toHaveURL(new RegExp(`/en/plan/${tuesday}$`));
	await expect(friend.locator('.timeline .stop')).toHaveCount(2, { timeout: 20_000 });
	expect(await stopNames(friend)).toEqual(names);

	await friend.goto('/en/plan/shared#not-a-plan');
	await expect(friend.getByRole('alert')).toContainText('This share link does not work');
	await other.close();
});

test('after one visit the planner works offline, on a day never opened before', async ({
	page,
	context
}) => {
	await page.goto('/en/plan');
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 20_000
	});
	await expect(page.getByRole('status').filter({ hasText: /Updated/ })).toBeVisible({
		timeout: 20_000
	});
	await context.setOffline(true);
	const wednesday = next(3);
	await planDay(page, wednesday, ['Jining Library', 'Beihu Pavilion Square']);
	await page.getByRole('button', { name: 'Order my day' }).click();
	await expect(page.locator('.timeline .stop')).toHaveCount(2);
	await page.reload();
	await expect(page.locator('.timeline .stop')).toHaveCount(2, { timeout: 20_000 });
	await page.goto('/en/plan');
	await expect(page.getByRole('link', { name: /2 planned/ })).toBeVisible({ timeout: 20_000 });
	await context.setOffline(false);
});
