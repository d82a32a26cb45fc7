import { expect, test } from './fixtures';

/**
 * The service worker's install on a phone's signal: every request costs a round trip, so storing
 * the app's files one after another (Workbox's own install) made a first visit wait 21–25 s
 * before it worked offline with a 150 ms round trip. The install fetches several at once.
 */
test('on a slow signal the service worker stores the app several files at a time, and the page then opens offline', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	const roundTripMs = 60;
	let inFlight = 0;
	let most = 0;
	let fetched = 0;
	// Only the worker's own requests are held: the page loads as it would.
	await context.route(/\/_app\/immutable\//, async (route) => {
		if (!route.request().serviceWorker()) return route.fallback();
		inFlight++;
		most = Math.max(most, inFlight);
		fetched++;
		// The round trip this test is about, not a wait for something to happen.
		await new Promise((resolve) => setTimeout(resolve, roundTripMs));
		inFlight--;
		return route.fallback();
	});
	await page.goto('/');
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 60_000
	});
	expect(fetched).toBeGreaterThan(20);
	// Six at once, as many as a browser opens to one host; one at a time before.
	expect(most).toBeGreaterThan(1);
	expect(most).toBeLessThanOrEqual(6);

	// Everything was stored: once the phone has the content too, a page never opened comes up
	// without the network.
	await expect(page.getByRole('status').filter({ hasText: '内容更新于' })).toBeVisible({
		timeout: 30_000
	});
	await context.setOffline(true);
	await page.goto('/en/tours');
	await expect(page.getByRole('heading', { level: 1 })).toContainText(/Tours/);
});
