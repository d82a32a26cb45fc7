import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

// The sample lantern fair runs from a week before the day the test server seeds its database to
// five weeks after it; today it has an all-day market and a riddle evening at Beihu Pavilion
// Square, tomorrow a workshop at the library and Lü opera at the culture centre.
const fair = '/festivals/spring-lantern-fair';

function dayPicker(page: Page, name: string) {
	return page.getByRole('navigation', { name });
}

/** The day after the chosen one in the day picker. */
function nextDay(page: Page, name: string) {
	return dayPicker(page, name).locator('li:has(a[aria-current="date"]) + li a');
}

test('a visitor opens the festival from the festivals list and sees today as a venue grid', async ({
	page
}) => {
	await page.goto('/festivals');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('节庆');
	await expectAccessible(page);
	await page.getByRole('link', { name: /太白湖新春灯会/ }).click();

	await expect(page).toHaveURL(/\/festivals\/spring-lantern-fair$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('太白湖新春灯会');
	await expect(dayPicker(page, '选择日期').locator('[aria-current="date"]')).toContainText('今天');
	const grid = page.getByRole('region', { name: /节目表/ });
	await expect(grid.getByRole('link', { name: '北湖阁广场', exact: true })).toBeVisible();
	await expect(grid.getByRole('link', { name: /猜灯谜之夜/ })).toBeVisible();
	// The all-day market sits above the grid, not in it.
	await expect(page.getByRole('heading', { name: '全天活动' })).toBeVisible();
	await expect(grid.getByText('民俗年货集市')).toHaveCount(0);
	await expectAccessible(page);
});

test('switching to the list keeps the choice in the URL while picking another day', async ({
	page
}) => {
	await page.goto(fair);
	await page.getByRole('link', { name: '列表', exact: true }).click();
	await expect(page).toHaveURL(/view=list/);
	await expect(page.getByRole('link', { name: '列表', exact: true })).toHaveAttribute(
		'aria-current',
		'true'
	);
	await expect(page.getByRole('region', { name: /节目表/ })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /猜灯谜之夜/ })).toBeVisible();
	await expectAccessible(page);

	await nextDay(page, '选择日期').click();
	await expect(page).toHaveURL(/day=\d{4}-\d{2}-\d{2}&view=list/);
	await expect(page.getByRole('link', { name: /吕剧专场/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /儿童花灯制作/ })).toBeVisible();
	await expect(page.getByRole('link', { name: /猜灯谜之夜/ })).toHaveCount(0);

	await page.getByRole('link', { name: '时间表', exact: true }).click();
	await expect(page).toHaveURL(/day=\d{4}-\d{2}-\d{2}&view=grid/);
	const grid = page.getByRole('region', { name: /节目表/ });
	await expect(grid.getByRole('link', { name: '济宁市图书馆', exact: true })).toBeVisible();
	await expect(grid.getByRole('link', { name: '济宁市文化中心', exact: true })).toBeVisible();
	await expect(grid.getByRole('link', { name: /吕剧专场/ })).toBeVisible();
});

test('the grid scrolls sideways on a 360 px phone and from the keyboard, keeping the times in view', async ({
	page
}) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto(fair);
	await nextDay(page, '选择日期').click();
	const grid = page.getByRole('region', { name: /节目表/ });
	await expect(grid.getByRole('link', { name: /吕剧专场/ })).toBeVisible();

	const size = await grid.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
	expect(size.scroll).toBeGreaterThan(size.client);

	const time = grid.getByText('10:00', { exact: true });
	const timeBefore = await time.boundingBox();
	const venueBefore = await grid
		.getByRole('link', { name: '济宁市文化中心', exact: true })
		.boundingBox();
	await grid.focus();
	await expect(grid).toBeFocused();
	await page.keyboard.press('End');
	for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
	await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);

	// The venues slide left under the time column, which stays where it was.
	const venueAfter = await grid
		.getByRole('link', { name: '济宁市文化中心', exact: true })
		.boundingBox();
	expect(venueAfter!.x).toBeLessThan(venueBefore!.x);
	expect((await time.boundingBox())!.x).toBeCloseTo(timeBefore!.x, 0);
});

test('the festival calendar can be subscribed by webcal or downloaded, with a reminder chosen before', async ({
	page,
	request
}) => {
	await page.goto(fair);
	const subscribe = page.getByRole('link', { name: '一键订阅' });
	await expect(subscribe).toHaveAttribute(
		'href',
		/^webcal:\/\/127\.0\.0\.1:\d+\/api\/v1\/events\.ics\?festival=spring-lantern-fair$/
	);
	const download = await page.getByRole('link', { name: /下载日历文件/ }).getAttribute('href');
	expect(download).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/events\.ics\?festival=/);
	const calendar = await request.get(download!);
	expect(calendar.headers()['content-type']).toContain('text/calendar');
	expect(await calendar.text()).toContain('太白湖新春灯会');
	expect(await calendar.text()).not.toContain('BEGIN:VALARM');

	// A reminder chosen before subscribing rides in both links; the calendar app then rings it.
	await page.getByLabel('提醒').selectOption({ label: '提前 30 分钟' });
	await expect(subscribe).toHaveAttribute('href', /\?festival=spring-lantern-fair&alarm=30$/);
	const withAlarm = await page.getByRole('link', { name: /下载日历文件/ }).getAttribute('href');
	expect(withAlarm).toMatch(/&alarm=30$/);
	const reminding = await (await request.get(withAlarm!)).text();
	expect(reminding).toContain('TRIGGER:-PT30M');
	expect(reminding).toContain('30 分钟后开始：');
	await page.getByLabel('提醒').selectOption({ label: '不提醒' });
	await expect(subscribe).toHaveAttribute('href', /\?festival=spring-lantern-fair$/);
});

test('the festival pages read in English, in the grid and in the list', async ({
	page,
	request
}) => {
	await page.goto('/en/festivals');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Festivals');
	await expect(page.getByRole('heading', { name: 'Coming up' })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: /Taibai Lake Spring Lantern Fair/ }).click();

	await expect(page).toHaveURL(/\/en\/festivals\/spring-lantern-fair$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Taibai Lake Spring Lantern Fair'
	);
	const grid = page.getByRole('region', { name: /Programme by venue and time/ });
	await expect(
		grid.getByRole('link', { name: 'Beihu Pavilion Square', exact: true })
	).toBeVisible();
	await expect(grid.getByRole('link', { name: /Lantern Riddle Evening/ })).toBeVisible();
	await expectAccessible(page);

	const subscribe = await page
		.getByRole('link', { name: 'Subscribe', exact: true })
		.getAttribute('href');
	expect(subscribe).toMatch(/^webcal:.*\?festival=spring-lantern-fair&lang=en$/);
	const calendar = await request.get(subscribe!.replace(/^webcal:/, 'http:'));
	expect(await calendar.text()).toContain('Taibai Lake Spring Lantern Fair');

	await page.getByRole('link', { name: 'List', exact: true }).click();
	await expect(page).toHaveURL(/\/en\/festivals\/spring-lantern-fair\?.*view=list/);
	await expect(page.getByRole('link', { name: /Lantern Riddle Evening/ })).toBeVisible();
	await expectAccessible(page);
});

test('the festival page tells search engines it is a schema.org Festival', async ({ page }) => {
	await page.goto(`/en${fair}`);
	const data = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(data['@type']).toBe('Festival');
	expect(data.name).toBe('Taibai Lake Spring Lantern Fair');
	expect(data.location.name).toBe('Taibai Lake New District, Jining');
	expect(data.startDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
	expect(data.subEvent.map((e: { name: string }) => e.name)).toContain(
		'Lantern Fair Closing Night'
	);
});

test('a link to a day outside the festival opens its default day; an unknown festival is not found', async ({
	page
}) => {
	await page.goto(`${fair}?day=2000-01-01&view=list`);
	await expect(page).toHaveURL(/\/festivals\/spring-lantern-fair\?view=list$/);
	await expect(dayPicker(page, '选择日期').locator('[aria-current="date"]')).toContainText('今天');
	const response = await page.goto('/festivals/no-such-festival');
	expect(response?.status()).toBe(404);
});
