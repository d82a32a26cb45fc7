import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import {
	addDays,
	berlinPhone,
	holidays,
	nextDay,
	openAt,
	shanghaiToday,
	weekdayOf
} from './moment';

/**
 * The visitor's day as a visitor lives it (issue 20): a phone in a Berlin device zone, 390 px
 * wide, on the sample programme seeded today (Shanghai). Each test is named as what it proves.
 */
test.use(berlinPhone);

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' });

async function saveEvent(page: Page, slug: string) {
	await page.goto(`/en/events/${slug}`);
	const button = page.locator('button.favourite').first();
	await expect(button).toBeEnabled();
	await button.click();
	await expect(button).toHaveAttribute('aria-pressed', 'true');
}

async function openPlan(page: Page, date: string) {
	await page.goto(`/en/plan/${date}`);
	await expect(page.getByRole('button', { name: 'Order my day' })).toBeVisible({ timeout: 20_000 });
}

async function addPlace(page: Page, name: string) {
	await page.getByLabel('Any place').selectOption({ label: name });
	await page.getByLabel('Any place').locator('..').getByRole('button', { name: 'Add' }).click();
}

const stopNames = (page: Page) => page.locator('.timeline .stop .name').allTextContents();
const leftOut = (page: Page) => page.getByRole('region', { name: 'Not in the plan' });

test('a saved evening event stretches the day to include it, and one tap keeps the visitor’s own hours', async ({
	page
}) => {
	// The Lü opera is on tomorrow at 19:30, after the default day (09:00–18:00) ends.
	const tomorrow = addDays(shanghaiToday(), 1);
	await saveEvent(page, 'lu-opera-evening-1');
	await openPlan(page, tomorrow);
	await page.getByRole('button', { name: 'Add Lü Opera Evening' }).click();
	await page.getByRole('button', { name: 'Order my day' }).click();

	const opera = page.locator('.timeline .stop').filter({ hasText: 'Lü Opera Evening' });
	await expect(opera.locator('.time')).toHaveText('19:30–21:00');
	await expect(
		page.getByText('Your day now ends at 21:00 to include Lü Opera Evening.')
	).toBeVisible();
	await expect(leftOut(page)).toHaveCount(0);
	await expectAccessible(page);

	// One tap keeps the visitor's 18:00 end; the opera then says why it is out and offers the fix.
	await page.getByRole('button', { name: 'Keep my day to 09:00–18:00' }).click();
	await expect(leftOut(page)).toContainText('Lü Opera Evening');
	await expect(leftOut(page)).toContainText('Outside your day (09:00–18:00); end at 21:00');
	await leftOut(page).getByRole('button', { name: 'End at 21:00' }).click();
	await expect(opera.locator('.time')).toHaveText('19:30–21:00');
	await expect(page.getByLabel('End by')).toHaveValue('21:00');
	await expect(leftOut(page)).toHaveCount(0);
});

test('a day out over lunch gets a 45-minute lunch break between 11:30 and 13:30 at a place to eat, which can be turned off', async ({
	page,
	request
}) => {
	const day = await nextDay(request, [2, 3, 4, 5]);
	await openPlan(page, day);
	for (const place of ['Jining Museum', 'Jining Library', 'Jining Art Museum'])
		await addPlace(page, place);
	await page.getByRole('button', { name: 'Order my day' }).click();
	await expect(page.getByRole('status').filter({ hasText: 'Ordered' })).toBeVisible();

	const lunch = page.locator('.timeline .stop').filter({ hasText: 'Lunch break' });
	await expect(lunch).toHaveCount(1);
	const [from, to] = (await lunch.locator('.time').innerText()).split('–');
	const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
	expect(minutes(to) - minutes(from)).toBe(45);
	expect(minutes(from)).toBeGreaterThanOrEqual(11 * 60 + 30);
	expect(minutes(to)).toBeLessThanOrEqual(13 * 60 + 30);
	// At a place to eat, linked.
	await expect(lunch.getByRole('link').last()).toHaveAttribute('href', /^\/en\/venues\//);
	await expect(leftOut(page)).toHaveCount(0);
	await expectAccessible(page);

	await page.getByLabel('Lunch break, about 45 minutes between 11:30 and 13:30').uncheck();
	await expect(lunch).toHaveCount(0);
	expect(await stopNames(page)).toHaveLength(3);
	await page.reload();
	await expect(page.locator('.timeline .stop')).toHaveCount(3, { timeout: 20_000 });
	await expect(
		page.getByLabel('Lunch break, about 45 minutes between 11:30 and 13:30')
	).not.toBeChecked();
});

test('a place that does not fit says why in one line and offers to drop something or end later', async ({
	page,
	request
}) => {
	const day = await nextDay(request, [2, 3, 4, 5]);
	await openPlan(page, day);
	// Two museums in a morning: no lunch in this one.
	await page.getByLabel('Lunch break, about 45 minutes between 11:30 and 13:30').uncheck();
	await page.getByLabel('End by').fill('13:00');
	await page.getByLabel('End by').press('Tab');
	await expect(page.getByLabel('End by')).toHaveValue('13:00');
	await addPlace(page, 'Jining Museum');
	await addPlace(page, 'Jining Library');
	await page.getByRole('button', { name: 'Order my day' }).click();

	const line = leftOut(page).locator('.reason');
	await expect(line).toHaveText(
		/^Jining (Museum|Library) needs (2 h 30 min|1 h); drop Jining (Museum|Library) or end at (1[3-9]|2\d):(00|15|30|45)$/
	);
	const end = (/end at (\d\d:\d\d)$/.exec(await line.innerText()) ?? [])[1];
	await expectAccessible(page);
	await leftOut(page)
		.getByRole('button', { name: `End at ${end}` })
		.click();
	await expect(page.locator('.timeline .stop')).toHaveCount(2);
	await expect(leftOut(page)).toHaveCount(0);
	await expect(page.getByLabel('End by')).toHaveValue(end);
});

test('home lists today’s all-day market and the museum’s exhibition under “On now” at 9 am', async ({
	page,
	request
}) => {
	// The folk market is on all day on the seed day and five days later; the canal exhibition at
	// the museum runs for three weeks, but the museum is closed on Mondays.
	const holiday = await holidays(request);
	const day = [0, 5]
		.map((n) => addDays(shanghaiToday(), n))
		.find((d) => weekdayOf(d) !== 1 || holiday(d))!;
	await openAt(page, `${day}T09:00`, '/en/events');
	await nav(page).getByRole('link', { name: 'Home' }).click();

	const onNow = page.getByRole('region', { name: 'On now' });
	await expect(onNow).toContainText('Folk Art and New Year Market');
	await expect(onNow).toContainText('Special Exhibition: City of the Canal');
	// On now comes before what starts later today.
	const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
	expect(headings.indexOf('On now')).toBeLessThan(headings.indexOf('Starting soon'));
	await expectAccessible(page);
});

test('the tour walk warns on a Monday that three of four stops are closed, before the walk and at the stop, and skips them', async ({
	page,
	request
}) => {
	const monday = await nextDay(request, [1]);
	await openAt(page, `${monday}T10:00`, '/en/tours');
	await page.getByRole('link', { name: /Family Day at the Culture Centre/ }).click();

	const warning = page.getByRole('note').filter({ hasText: 'stops will be closed' });
	await expect(warning).toContainText('3 of 4 stops will be closed when you get there');
	await expect(warning).toContainText('1. Jining Museum: closed today');
	await expect(warning).toContainText('2. Jining Library: closed today');
	await expect(warning).toContainText('3. Jining Art Museum: closed today');
	await expectAccessible(page);

	// At the stop: the walk says the museum is closed now and offers to skip it.
	await page.getByRole('button', { name: 'Start this tour' }).click();
	const panel = page.locator('.walk');
	await expect(panel.getByText('Jining Museum is closed now.')).toBeVisible();
	await panel.getByRole('button', { name: 'Skip this stop' }).click();
	await expect(panel.locator('.next')).toContainText('Jining Library');
	await expect(panel.getByText('Jining Library is closed now.')).toBeVisible();

	// Or all at once, from the warning.
	await warning.getByRole('button', { name: 'Skip the closed stops' }).click();
	await expect(panel.locator('.next')).toContainText('Lakeside Park');
	await expect(page.getByText('You skip 3 stops on this walk.')).toBeVisible();
	await page.getByRole('button', { name: 'Back to every stop in the tour’s order' }).click();
	await expect(panel.locator('.next')).toContainText('Jining Museum');
});

test('a venue page left open past closing time says closed within a minute, by the phone’s clock in Shanghai time', async ({
	page,
	request
}) => {
	// The library closes at 17:30 from Tuesday to Sunday.
	const day = await nextDay(request, [2, 3, 4, 5, 6]);
	await openAt(page, `${day}T17:28`, '/en/venues');
	await page
		.getByRole('link', { name: /^Jining Library/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Jining Library');

	const state = page.locator('.state');
	await expect(state).toContainText('Open now');
	await expect(state).toContainText('closes at 17:30');
	await page.clock.fastForward('03:00');
	await expect(state).toContainText('Closed');
	await expect(state).toContainText('opens');
	await expect(state).toContainText('09:00');
});

test('an installed app opened offline at / opens in the language the visitor chose', async ({
	page,
	context
}) => {
	await page.goto('/');
	await page.getByRole('link', { name: 'Switch to English' }).click();
	await expect(page).toHaveURL(/\/en$/);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: /Updated/ })).toBeVisible({
		timeout: 30_000
	});

	await context.setOffline(true);
	await page.goto('/');
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(nav(page).getByRole('link', { name: 'Events' })).toBeVisible();
	await expect(page.getByRole('link', { name: /Spring Lantern Fair/ })).toBeVisible();
	await context.setOffline(false);
});

test('at 390 px the festival timetable keeps its time column in place and says how many venues are to the side', async ({
	page
}) => {
	// Two days after the seed day the fair is on at three venues.
	const day = addDays(shanghaiToday(), 2);
	await page.goto(`/en/festivals/spring-lantern-fair?day=${day}&view=grid`);
	const grid = page.getByRole('region', { name: /Programme by venue and time/ });
	const more = page.getByRole('button', { name: /more venues? →$/ });
	await expect(more).toBeVisible();
	await expect(more).toHaveText(/^\d+ more venues? →$/);
	await expectAccessible(page);

	const time = grid.locator('.time.hour').first();
	const before = (await time.boundingBox())!;
	await more.click();
	await expect.poll(() => grid.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
	const after = (await time.boundingBox())!;
	expect(after.x).toBeCloseTo(before.x, 0);
	// Scrolled to the last venue, the hint is gone.
	await grid.evaluate((el) => el.scrollTo({ left: el.scrollWidth }));
	await expect(more).toHaveCount(0);
});

test('searching 灯会 lists the Lantern Fair first, before events that mention it, and cancelled events last', async ({
	page
}) => {
	await page.goto('/en/search?q=灯会');
	const results = page.locator('main section');
	await expect(results.first().getByRole('heading', { level: 2 })).toHaveText(/^Festivals/);
	await expect(results.first().getByRole('link').first()).toContainText(
		'Taibai Lake Spring Lantern Fair'
	);
	const events = results.filter({ has: page.getByRole('heading', { name: /^Events/ }) });
	const items = events.getByRole('listitem');
	await expect(items.last()).toContainText('Cancelled');
	const cancelled = await items.filter({ hasText: 'Cancelled' }).count();
	const all = await items.count();
	for (let i = 0; i < all - cancelled; i++)
		await expect(items.nth(i)).not.toContainText('Cancelled');
	await expectAccessible(page);
});

test('the museum’s page lists no event on a day the museum is closed', async ({
	page,
	request
}) => {
	const holiday = await holidays(request);
	await page.goto('/en/venues/jining-museum');
	const starts = await page
		.locator('main .item time.time')
		.evaluateAll((els) => els.map((el) => el.getAttribute('datetime')!));
	expect(starts.length).toBeGreaterThan(0);
	for (const start of starts) {
		const date = start.slice(0, 10);
		expect(weekdayOf(date) !== 1 || holiday(date), `${start} is a Monday`).toBe(true);
	}
});
