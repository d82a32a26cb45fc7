import { readFileSync } from 'node:fs';
import { expect, expectAccessible, test } from './fixtures';

// The seed places events relative to the day the test server starts (day 0 = today in Shanghai):
// the night photography walk on day 9 is cancelled, the riddle contest is postponed, and the
// weekly show recurs on Saturdays with its third date cancelled.
const weekly = '/en/events/culture-for-the-people-weekend-performance';

test('taps a day in the strip to see that day’s events, and the choice survives a reload', async ({
	page
}) => {
	await page.goto('/events');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('活动');
	const strip = page.getByRole('navigation', { name: '选择日期' });
	const days = strip.getByRole('link');
	await expect(days).toHaveCount(14);
	await expect(days.first()).toHaveAttribute('aria-current', 'date');
	await expect(days.first()).toContainText('今天');

	await days.nth(9).click();
	await expect(page).toHaveURL(/\/events\?date=\d{4}-\d{2}-\d{2}$/);
	await expect(days.nth(9)).toHaveAttribute('aria-current', 'date');
	await expect(days.first()).not.toHaveAttribute('aria-current');
	const walk = page.getByRole('link', { name: /灯会夜景摄影漫步/ });
	await expect(walk).toContainText('已取消');
	await expect(walk).toContainText('预报有大风');
	await expect(page.getByRole('link', { name: /民俗年货集市/ })).toHaveCount(0);

	await page.reload();
	await expect(days.nth(9)).toHaveAttribute('aria-current', 'date');
	await expect(page.getByRole('link', { name: /灯会夜景摄影漫步/ })).toBeVisible();
});

test('picks a day beyond the strip with the date picker and sees a friendly empty day', async ({
	page
}) => {
	await page.goto('/en/events');
	await page.getByLabel('Other date').fill('2030-06-01');
	await expect(page).toHaveURL(/\/en\/events\?date=2030-06-01$/);
	await expect(page.getByText('Nothing is on this day yet. Try another day.')).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Events: 0' })).toBeVisible();
});

test('filters a day to free events and the filter stays in a shareable URL', async ({ page }) => {
	await page.goto('/en/events');
	await page.getByRole('navigation', { name: 'Choose a day' }).getByRole('link').nth(1).click();
	await expect(page.getByRole('link', { name: /Lü Opera Evening/ })).toBeVisible();
	const free = page.getByRole('button', { name: 'Free only' });
	await free.click();
	await expect(page).toHaveURL(/[?&]free=1/);
	await expect(free).toHaveAttribute('aria-pressed', 'true');
	await expect(free).toBeFocused();
	await expect(page.getByRole('link', { name: /Lü Opera Evening/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Picture-Book Story Time/ })).toBeVisible();

	await page.goto(page.url());
	await expect(page.getByRole('button', { name: 'Free only' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	await expect(page.getByRole('link', { name: /Lü Opera Evening/ })).toHaveCount(0);
});

test('filters by category and by festival', async ({ page }) => {
	await page.goto('/en/events');
	await page.getByRole('button', { name: 'Sport', exact: true }).click();
	await expect(page).toHaveURL(/category=sport/);
	await expect(page.getByRole('link', { name: /Lakeside Morning Run/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Folk Art and New Year Market/ })).toHaveCount(0);
	await page.getByRole('button', { name: 'All categories' }).click();
	await expect(page).not.toHaveURL(/category=/);
	await page.getByLabel('Festival').selectOption({ label: 'Taibai Lake Spring Lantern Fair' });
	await expect(page).toHaveURL(/festival=spring-lantern-fair/);
	await expect(page.getByRole('link', { name: /Folk Art and New Year Market/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /Lakeside Morning Run/ })).toHaveCount(0);
});

test('opens an event from the list and sees its venue and map', async ({ page }) => {
	await page.goto('/en/events');
	const strip = page.getByRole('navigation', { name: 'Choose a day' });
	// The weekly show is on the first Saturday on or after the seed day: one of the first 7 chips.
	for (let i = 0; i < 7; i++) {
		await strip.getByRole('link').nth(i).click();
		await expect(strip.getByRole('link').nth(i)).toHaveAttribute('aria-current', 'date');
		if (await page.getByRole('link', { name: /Culture for the People Weekend Show/ }).count())
			break;
	}
	await page.getByRole('link', { name: /Culture for the People Weekend Show/ }).click();
	await expect(page).toHaveURL(/\/en\/events\/culture-for-the-people-weekend-performance$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Culture for the People Weekend Show'
	);
	await expect(
		page.getByRole('link', { name: 'Culture Centre Open-Air Stage', exact: true })
	).toHaveAttribute('href', '/en/venues/culture-centre-open-air-stage');
	const map = page.getByRole('region', { name: 'Map of Culture Centre Open-Air Stage' });
	await expect(map).toBeVisible();
	// The server draws the venue's pin; a tap loads the interactive map with it.
	await map.scrollIntoViewIfNeeded();
	await expect(page.locator('.static-map .pin')).toHaveCount(1);
	await page.getByRole('button', { name: 'Explore the map' }).click();
	await expect(map.getByRole('button', { name: 'Culture Centre Open-Air Stage' })).toBeVisible();
	await expect(page.getByText('Free', { exact: true }).first()).toBeVisible();
});

test('a recurring event lists its other dates with the cancelled one struck through', async ({
	page
}) => {
	await page.goto(weekly);
	const dates = page.getByRole('region', { name: 'Other dates' }).getByRole('listitem');
	await expect(dates.first()).toBeVisible();
	expect(await dates.count()).toBeGreaterThanOrEqual(6);
	const cancelled = dates.filter({ hasText: 'Cancelled' });
	await expect(cancelled).toHaveCount(1);
	await expect(cancelled.locator('del time')).toBeVisible();
});

test('a cancelled event is visibly marked with its reason, a postponed one with its original time', async ({
	page
}) => {
	await page.goto('/en/events/night-photography-walk-2');
	await expect(page.getByRole('heading', { level: 1 })).toHaveCSS(
		'text-decoration-line',
		'line-through'
	);
	await expect(page.locator('.status-box')).toContainText('Cancelled');
	await expect(page.locator('.status-box')).toContainText('Strong wind is forecast');

	await page.goto('/events/lantern-riddle-contest');
	await expect(page.locator('.status-box')).toContainText('已延期');
	await expect(page.locator('.status-box')).toContainText('原定：');
	await expect(page.locator('.status-box')).toContainText('预报有雨');
});

test('the event page describes itself to search engines as a schema.org Event', async ({
	page
}) => {
	await page.goto('/en/events/lantern-riddle-contest');
	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld['@type']).toBe('Event');
	expect(ld.name).toBe('Lantern Riddle Contest');
	expect(ld.eventStatus).toBe('https://schema.org/EventRescheduled');
	expect(ld.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T19:00:00\+08:00$/);
	expect(ld.previousStartDate).toMatch(/T19:00:00\+08:00$/);
	expect(ld.location).toMatchObject({ '@type': 'Place', name: 'Beihu Pavilion Square' });
	expect(ld.location.geo['@type']).toBe('GeoCoordinates');
	expect(ld.offers).toMatchObject({ price: 0, priceCurrency: 'CNY' });
	expect(ld.eventAttendanceMode).toBe('https://schema.org/OfflineEventAttendanceMode');
	await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /riddles/i);
});

test('add to calendar downloads the event as an .ics file', async ({ page }) => {
	await page.goto(weekly);
	const download = page.waitForEvent('download');
	await page.getByRole('button', { name: 'Add to calendar' }).click();
	const file = await download;
	expect(file.suggestedFilename()).toBe('culture-for-the-people-weekend-performance.ics');
	const ics = readFileSync(await file.path(), 'utf8');
	expect(ics).toContain('BEGIN:VCALENDAR');
	expect(ics).toContain('SUMMARY:Culture for the People Weekend Show');
	expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T150000/);
	expect(ics).toContain('RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=8');
	expect(ics).toMatch(/EXDATE;TZID=Asia\/Shanghai:\d{8}T150000/);
	expect(ics).toContain('BEGIN:VTIMEZONE');
});

test.describe('without the Web Share API', () => {
	test.beforeEach(async ({ page, context }) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await page.addInitScript(() => {
			delete (Navigator.prototype as { share?: unknown }).share;
		});
	});

	test('share falls back to copying the link and says so', async ({ page }) => {
		await page.goto(weekly);
		await page.getByRole('button', { name: 'Copy link' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
			/\/en\/events\/culture-for-the-people-weekend-performance$/
		);
	});
});

test('a bad date is refused and an unknown event is not found', async ({ page }) => {
	expect((await page.goto('/events?date=2026-02-30'))?.status()).toBe(400);
	expect((await page.goto('/en/events/no-such-event'))?.status()).toBe(404);
});

test('the events list reads well in English and Chinese and passes axe', async ({ page }) => {
	await page.goto('/en/events');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Events');
	await expect(page.getByRole('navigation', { name: 'Choose a day' })).toContainText('Today');
	await expectAccessible(page);

	await page.goto('/events');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expectAccessible(page);
});

test('the event page reads well in English and Chinese and passes axe', async ({ page }) => {
	await page.goto(weekly);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'About this event' })).toBeVisible();
	await expect(page.getByRole('region', { name: /^Map of / })).toBeVisible();
	await expectAccessible(page);

	await page.goto('/events/culture-for-the-people-weekend-performance');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('文化惠民周末演出');
	await expect(page.getByRole('heading', { name: '活动介绍' })).toBeVisible();
	await expectAccessible(page);
});
