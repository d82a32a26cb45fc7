import { chromium, type APIRequestContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';

/** First visit with a network: wait until the worker controls the page and the mirror is filled. */
async function visitOnline(page: Page, path = '/') {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: /内容更新于|Updated/ })).toBeVisible({
		timeout: 30_000
	});
}

/** An event that is on and not recurring, from the live feed. */
async function plainEvent(request: APIRequestContext) {
	const feed = await (await request.get('/api/v1/content')).json();
	const event = feed.events.find(
		(e: { status: string; rrule?: string; allDay: boolean }) =>
			e.status === 'published' && !e.rrule && !e.allDay
	);
	return event as { slug: string; title: { zh: string; en?: string } };
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

/** The English title of an event as the phone's mirror holds it (read straight from IndexedDB). */
function mirroredTitle(page: Page, slug: string): Promise<string | undefined> {
	return page.evaluate(
		(slug) =>
			new Promise<string | undefined>((resolve, reject) => {
				const open = indexedDB.open('taibai-lake-guide');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const index = open.result.transaction('events').objectStore('events').index('slug');
					const get = index.get(slug);
					get.onsuccess = () => resolve(get.result?.title?.en);
					get.onerror = () => reject(get.error);
				};
			}),
		slug
	);
}

test('after one visit, every kind of visitor page opens offline in both languages, even never-opened ones', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(120_000);
	const event = await plainEvent(request);
	await visitOnline(page, '/');
	await context.setOffline(true);

	const pages: [string, RegExp | string][] = [
		[`/events/${event.slug}`, event.title.zh],
		[`/events/${event.slug}?lang=en`, event.title.en ?? event.title.zh],
		['/events', /活动/],
		['/en/events', /Events/],
		['/festivals/spring-lantern-fair', '太白湖新春灯会'],
		['/en/festivals/spring-lantern-fair', /Lantern Fair/],
		['/venues', /场馆|地点/],
		['/venues/jining-museum', '济宁市博物馆'],
		['/en/venues/jining-museum', 'Jining Museum'],
		['/tours/canal-and-old-town-walk', /运河/],
		['/en/tours', /Tours/],
		['/map', /地图/],
		['/en/info', /Practical/],
		['/search?q=tbh', /搜索/]
	];
	for (const [path, title] of pages) {
		await page.goto(path);
		await expect(h1(page), path).toContainText(title);
	}
	await expect(page.getByRole('link', { name: /^太白湖景区/ }).first()).toBeVisible();
	await expect(page.getByText('离线', { exact: true })).toBeVisible();
	await page.goto('/en/venues/jining-museum');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the app starts offline after the browser is closed and opened again', async ({
	baseURL
}, testInfo) => {
	test.setTimeout(90_000);
	const profile = mkdtempSync(join(tmpdir(), 'taibai-profile-'));
	const launch = testInfo.project.use.launchOptions ?? {};
	try {
		const first = await chromium.launchPersistentContext(profile, { ...launch, baseURL });
		await visitOnline(first.pages()[0] ?? (await first.newPage()), '/');
		await first.close();

		const again = await chromium.launchPersistentContext(profile, {
			...launch,
			baseURL,
			offline: true
		});
		const page = again.pages()[0] ?? (await again.newPage());
		await page.goto('/en/tours');
		await expect(h1(page)).toContainText('Tours');
		await expect(page.getByRole('link', { name: /Canal/ }).first()).toBeVisible();
		await again.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a change at the bureau reaches an open page after reconnecting, and a cancelled saved event raises a notice', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(90_000);
	const event = await plainEvent(request);
	await visitOnline(page, `/en/events/${event.slug}`);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

	await context.setOffline(true);
	const edit = await request.post(`/api/test/events/${event.slug}`, {
		data: { status: 'cancelled', statusReason: { zh: '大风', en: 'Strong wind on the lake' } }
	});
	expect(edit.ok()).toBe(true);
	await context.setOffline(false);

	await expect(page.getByText('Strong wind on the lake')).toBeVisible({ timeout: 20_000 });
	await expect(page.getByText(/1 events you saved changed: 1 cancelled/)).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
		true
	);
	await page.getByRole('button', { name: 'Got it' }).click();
	await expect(page.getByText(/events you saved changed/)).toHaveCount(0);
});

test('an open page asks cheaply while it waits and shows a cancellation within a minute, in place', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const event = await plainEvent(request);
	const answers: number[] = [];
	page.on('response', (response) => {
		if (response.url().includes('/api/v1/content?since=')) answers.push(response.status());
	});
	await visitOnline(page, `/en/events/${event.slug}`);
	await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));
	// Nothing changed yet: the phone's next check is answered 304, with no body to download.
	await expect.poll(() => answers, { timeout: 60_000 }).toContain(304);
	expect(answers.every((status) => status === 304)).toBe(true);

	const edited = Date.now();
	const edit = await request.post(`/api/test/events/${event.slug}`, {
		data: { status: 'cancelled', statusReason: { zh: '闸口检修', en: 'Lock under repair' } }
	});
	expect(edit.ok()).toBe(true);
	await expect(page.getByText('Lock under repair')).toBeVisible({ timeout: 60_000 });
	expect(Date.now() - edited).toBeLessThan(60_000);
	expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(
		true
	);
});

test('a new version while a page is open offers a reload, and accepting reloads into it once', async ({
	page,
	request
}) => {
	test.setTimeout(90_000);
	await visitOnline(page, '/en');
	const before = await page.evaluate(
		async () => (await navigator.serviceWorker.ready).active?.scriptURL
	);
	expect((await request.post('/__e2e/new-worker')).status()).toBe(204);
	await page.evaluate(async () => {
		(window as unknown as { stillHere: boolean }).stillHere = true;
		await (await navigator.serviceWorker.getRegistration())?.update();
	});
	const toast = page.getByRole('alert').filter({ hasText: 'New version available' });
	await expect(toast).toBeVisible({ timeout: 30_000 });
	await Promise.all([
		page.waitForEvent('load'),
		toast.getByRole('button', { name: 'Reload' }).click()
	]);
	expect(
		await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)
	).toBeUndefined();
	const state = await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.getRegistration();
		return { waiting: !!registration?.waiting, controlled: !!navigator.serviceWorker.controller };
	});
	expect(state).toEqual({ waiting: false, controlled: true });
	expect(before).toContain('/service-worker.js');
	await expect(toast).toHaveCount(0);
});

test.describe('a sync that fails halfway', () => {
	// Without a worker in between, the test can cut the feed off exactly as a bad network would.
	test.use({ serviceWorkers: 'block' });

	test('leaves the old content intact, and a later sync succeeds', async ({
		page,
		context,
		request
	}) => {
		test.setTimeout(90_000);
		const event = await plainEvent(request);
		await page.goto(`/en/events/${event.slug}`);
		await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
			timeout: 30_000
		});
		await request.post(`/api/test/events/${event.slug}`, {
			data: { title: { zh: '新标题', en: 'Renamed at the bureau' } }
		});

		for (const broken of [
			{ status: 200, contentType: 'application/json', body: '{"revision":999,"venues":[{"id":' },
			{ status: 503, contentType: 'text/plain', body: 'upstream timeout' }
		]) {
			let hits = 0;
			await page.route('**/api/v1/content*', (route) => {
				hits++;
				return route.fulfill(broken);
			});
			await context.setOffline(true);
			await context.setOffline(false);
			await page.waitForTimeout(1500);
			await page.unroute('**/api/v1/content*');
			expect(hits, 'the broken feed was asked for').toBeGreaterThan(0);
			expect(await mirroredTitle(page, event.slug)).toBe(event.title.en);
			await expect(h1(page)).toContainText(event.title.en ?? event.title.zh);
		}
		await context.setOffline(true);
		await context.setOffline(false);
		await expect(h1(page)).toContainText('Renamed at the bureau', { timeout: 20_000 });
		expect(await mirroredTitle(page, event.slug)).toBe('Renamed at the bureau');
	});
});

test.describe('in a browser without service workers (some in-app browsers)', () => {
	test.beforeEach(async ({ page }) => {
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });
		});
	});

	test('the app still works online and says offline use needs a full browser', async ({ page }) => {
		await page.goto('/en/venues');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page.getByText(/cannot keep the guide for offline use/)).toBeVisible();
		await page
			.getByRole('link', { name: /Jining Museum/ })
			.first()
			.click();
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Jining Museum');
	});
});
