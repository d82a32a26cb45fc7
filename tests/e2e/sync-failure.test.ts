import { expect, test } from './fixtures';

/**
 * Found by the reliability bench's sync-cut probe: a sync that failed (the signal cut mid-download,
 * storage full) changed nothing on the phone, as it should, but the page said nothing either, so a
 * visitor could not tell that what they saw was older than the bureau's latest. The status line now
 * says so, and the next sync (the app retries by itself) brings the phone up to date.
 */
const feed = /\/api\/v1\/content(\?|$)/;
const status = (page: import('@playwright/test').Page) =>
	page.getByRole('status').filter({ hasText: /Couldn’t|Not enough storage|Updated/ });

test('a first download that is cut off says so, and the app retries until the phone has the content', async ({
	page,
	context
}) => {
	test.setTimeout(90_000);
	// Cut every feed download: the connection drops before anything comes back.
	await context.route(feed, (route) => route.abort('connectionreset'));
	await page.goto('/en/events');
	await expect(status(page)).toHaveText(/Couldn’t download the content for offline use yet/, {
		timeout: 30_000
	});
	await context.unroute(feed);
	await expect(status(page)).toHaveText(/^\s*Updated/, { timeout: 30_000 });
});

test('a delta cut half way keeps the phone’s copy, says how old it is, and is picked up again', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(90_000);
	await page.goto('/en/events');
	await expect(status(page)).toHaveText(/^\s*Updated/, { timeout: 30_000 });
	// A change at the bureau, then a download that stops half way through its body.
	const event = (await (await request.get('/api/v1/content')).json()).events[0] as {
		slug: string;
		title: { zh: string; en?: string };
	};
	const rename = (title: { zh: string; en?: string }) =>
		request.post(`/api/test/events/${event.slug}`, { data: { title } });
	expect((await rename({ ...event.title, en: 'Cut short' })).ok()).toBe(true);
	await context.route(feed, async (route) => {
		const answer = await route.fetch();
		const body = await answer.body();
		await route.fulfill({
			status: answer.status(),
			headers: { 'content-type': 'application/json' },
			body: body.subarray(0, Math.floor(body.length / 2))
		});
	});
	await context.setOffline(true);
	await context.setOffline(false);
	await expect(status(page)).toHaveText(
		/Couldn’t update the content: showing what this phone has/,
		{
			timeout: 30_000
		}
	);
	await context.unroute(feed);
	await expect(status(page)).toHaveText(/^\s*Updated/, { timeout: 30_000 });
	expect((await rename(event.title)).ok()).toBe(true);
});

test('storage running out during the first download is named, and the guide retries once there is room', async ({
	page,
	context,
	baseURL
}) => {
	test.setTimeout(90_000);
	const cdp = await context.newCDPSession(page);
	const origin = new URL(baseURL!).origin;
	// Far less than the content needs: the mirror's transaction fails with QuotaExceededError.
	await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 40_000 });
	await page.goto('/en/events');
	await expect(status(page)).toHaveText(/Not enough storage on this phone/, { timeout: 30_000 });
	await cdp.send('Storage.overrideQuotaForOrigin', { origin });
	await expect(status(page)).toHaveText(/^\s*Updated/, { timeout: 30_000 });
});
