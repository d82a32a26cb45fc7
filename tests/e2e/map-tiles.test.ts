import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * What the page writes to its console as an error, and its uncaught exceptions. A failed image
 * request shows up here as "Failed to load resource", which Lighthouse counts against best
 * practices.
 */
function consoleErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('console', (message) => {
		if (message.type() === 'error') errors.push(message.text());
	});
	page.on('pageerror', (error) => errors.push(error.message));
	return errors;
}

test.describe('map tiles that cannot load', () => {
	// Every tile request fails, those the service worker makes included.
	test.use({ tiles: 'fail' });

	test('leave the console quiet on event and tour pages, first visit and later, and the map says so', async ({
		page,
		request
	}) => {
		const feed = await (await request.get('/api/v1/content')).json();
		const paths = [`/events/${feed.events[0].slug}`, `/tours/${feed.tours[0].slug}`];
		const errors = consoleErrors(page);
		// The first page is a first visit (no service worker yet), the second a later one.
		for (const path of paths) {
			await page.goto(path);
			await page.locator('.map-frame').first().scrollIntoViewIfNeeded();
			// The tiles were asked for and did not load: the map says the basemap is unavailable.
			await expect(page.getByText('底图暂时无法加载')).toBeVisible();
			expect(errors, `console errors on ${path}`).toEqual([]);
		}
	});
});
