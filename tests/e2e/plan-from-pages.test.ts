import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/**
 * The plan is one tap away from anywhere: a Plan tab in the bottom navigation, a save button on
 * every event, place and tour card, and "Plan a day with this" on event and place pages.
 */

async function ready(page: Page) {
	await page.waitForSelector('html[data-ready]');
}

function stopNames(page: Page) {
	return page.locator('.timeline .stop .name').allTextContents();
}

test('the bottom navigation reaches the plan in one tap, in both languages', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 740 });
	await page.goto('/en/events');
	await ready(page);
	const nav = page.getByRole('navigation', { name: 'Main navigation' });
	await nav.getByRole('link', { name: 'Plan' }).click();
	await expect(page).toHaveURL(/\/en\/plan$/);
	await expect(nav.getByRole('link', { name: 'Plan' })).toHaveAttribute('aria-current', 'page');
	// Six tabs fit a small phone without scrolling sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);

	await page.goto('/tours');
	await ready(page);
	await page
		.getByRole('navigation', { name: '主导航' })
		.getByRole('link', { name: '行程' })
		.click();
	await expect(page).toHaveURL(/\/plan$/);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('places, events and tours are saved from their cards and listed in the plan', async ({
	page
}) => {
	await page.goto('/en/venues');
	await ready(page);
	const place = page.getByRole('button', { name: 'Save Jizhou Old Street', exact: true });
	await expect(place).toBeEnabled();
	await place.click();
	await expect(place).toHaveAttribute('aria-pressed', 'true');
	await expectAccessible(page);

	await page.goto('/en/tours');
	await ready(page);
	const tour = page.getByRole('button', { name: /^Save / }).first();
	await expect(tour).toBeEnabled();
	const tourName = (await tour.getAttribute('aria-label'))!.replace(/^Save /, '');
	await tour.click();
	await expect(tour).toHaveAttribute('aria-pressed', 'true');

	await page.goto('/en/events');
	await ready(page);
	const event = page.getByRole('button', { name: /^Save / }).first();
	await expect(event).toBeEnabled();
	const eventName = (await event.getAttribute('aria-label'))!.replace(/^Save /, '');
	await event.click();
	await expect(event).toHaveAttribute('aria-pressed', 'true');

	await page.goto('/en/plan');
	await expect(page.getByRole('link', { name: /Jizhou Old Street/ })).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByRole('link', { name: new RegExp(tourName) }).first()).toBeVisible();
	await expect(page.getByText(eventName).first()).toBeVisible();

	// Saved on one card, saved everywhere: the place's own page says so too.
	await page.goto('/en/venues/jizhou-old-street');
	await ready(page);
	await expect(page.locator('button.favourite')).toHaveAttribute('aria-pressed', 'true');
});

test('"Plan a day with this" on a place opens today’s plan with the place in it, once', async ({
	page
}) => {
	await page.goto('/en/venues/jizhou-old-street');
	await ready(page);
	await page.getByRole('link', { name: 'Plan a day with this' }).click();
	await expect(page).toHaveURL(/\/en\/plan\/\d{4}-\d{2}-\d{2}$/, { timeout: 20_000 });
	await expect.poll(() => stopNames(page), { timeout: 20_000 }).toEqual(['Jizhou Old Street']);
	// The query is gone, so a reload neither adds it again nor loses it (stored on the phone).
	await page.reload();
	await expect(page.locator('.timeline .stop')).toHaveCount(1, { timeout: 20_000 });
	expect(await stopNames(page)).toEqual(['Jizhou Old Street']);
	await expectAccessible(page);
});

test('"Plan a day with this" on an event opens the plan of its day with the event at its time', async ({
	page
}) => {
	await page.goto('/en/events/jining-snack-fair');
	await ready(page);
	const date = await page.locator('time[datetime]').first().getAttribute('datetime');
	await page.getByRole('link', { name: 'Plan a day with this' }).click();
	await expect(page).toHaveURL(new RegExp(`/en/plan/${date!.slice(0, 10)}$`), { timeout: 20_000 });
	await expect.poll(() => stopNames(page), { timeout: 20_000 }).toEqual(['Jining Snack Fair']);
	await expect(page.locator('.timeline .stop .time').first()).toContainText(date!.slice(11, 16));
});
