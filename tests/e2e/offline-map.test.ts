import type { BrowserContext, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

// The browser tests' server offers a tile source that allows bulk download (playwright.config.ts):
// https://tiles.example.test/{z}/{x}/{y}.png. The district at zooms 12 and 13 is 9 + 25 tiles.
const tileRequest = /tiles\.example\.test/;
const blankTile = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

/**
 * Answers tile requests from the page AND from the service worker (which fetches on the page's
 * behalf once it controls it; page-level routes never see those), counting each URL.
 */
async function tileServer(page: Page, context: BrowserContext, delayMs = 0) {
	const hits = new Map<string, number>();
	await page.unrouteAll({ behavior: 'ignoreErrors' });
	await context.route(tileRequest, async (route) => {
		const url = route.request().url();
		hits.set(url, (hits.get(url) ?? 0) + 1);
		if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
		// Answered like public tile servers do (`Access-Control-Allow-Origin: *`); without it
		// Playwright adds `Vary: Origin`, see the note in $lib/offline/tile-download.ts. A request
		// the download cancelled meanwhile can no longer be answered.
		await route
			.fulfill({
				status: 200,
				contentType: 'image/png',
				headers: { 'access-control-allow-origin': '*' },
				body: blankTile
			})
			.catch(() => undefined);
	});
	return {
		hits,
		total: () => [...hits.values()].reduce((a, b) => a + b, 0)
	};
}

/** First visit with a network: the worker controls the page and the mirror is filled. */
async function visitOnline(page: Page, path: string) {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 20_000
	});
	await expect(page.getByRole('status').filter({ hasText: /内容更新于|Updated/ })).toBeVisible({
		timeout: 20_000
	});
}

async function cachedTiles(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const cache = await caches.open('map-tiles-v1');
		return (await cache.keys()).map((request) => request.url);
	});
}

/** Keeps only the zoom levels given (the page starts with 12–15 chosen). */
async function chooseZooms(page: Page, zooms: number[]) {
	for (const zoom of [12, 13, 14, 15, 16]) {
		await page
			.getByRole('checkbox', { name: new RegExp(`^Level ${zoom} `) })
			.setChecked(zooms.includes(zoom));
	}
}

test('a visitor downloads the district map and sees it on the map page in airplane mode', async ({
	page,
	context
}) => {
	const server = await tileServer(page, context);
	await visitOnline(page, '/en/map');
	await page.getByRole('link', { name: 'Download the map for offline use' }).click();
	await expect(page).toHaveURL(/\/en\/settings$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();

	await chooseZooms(page, [12, 13]);
	await expect(page.getByTestId('map-estimate')).toContainText('34 tiles, about 680 kB');
	const before = server.total();
	await page.getByRole('button', { name: 'Download the map for offline use' }).click();
	await expect(page.getByText('The map is downloaded for offline use: 34 tiles.')).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText('34 of 34 tiles (100 %)')).toBeVisible();
	await expect(page.getByRole('progressbar', { name: 'Map download' })).toHaveAttribute(
		'value',
		'34'
	);
	// Each tile was asked for once, and all sit in the cache the service worker serves tiles from.
	const downloaded = [...server.hits.keys()].filter((url) => /\/1[23]\/\d+\/\d+\.png$/.test(url));
	expect(downloaded).toHaveLength(34);
	expect(server.total() - before).toBeLessThanOrEqual(34);
	expect(new Set(await cachedTiles(page))).toEqual(new Set(downloaded));
	await expect(page.locator('[data-cache="map-tiles-v1"]')).toContainText('34 files');

	await context.setOffline(true);
	const hitsOnline = new Map(server.hits);
	await page.goto('/en/map');
	await expect(page.getByRole('region', { name: /Map of places/ })).toBeVisible();
	// Zoom only after the markers are drawn: drawing them fits the view, which would undo the zoom.
	await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
	// The map opens at zoom 12 (which browsing may have cached too); zoom 13 only the download has.
	// Leaflet drops a zoom asked for while the fit is still animating, so on a slow machine the
	// click is repeated until the zoom-13 tiles exist (they are in the page as soon as it zooms).
	const zoom13 = page.locator('img.leaflet-tile[src*="tiles.example.test/13/"]');
	await expect(async () => {
		await expect(page.locator('.leaflet-zoom-anim')).toHaveCount(0);
		if ((await zoom13.count()) === 0) await page.getByRole('button', { name: 'Zoom in' }).click();
		await expect(zoom13.first()).toBeVisible({ timeout: 2_000 });
	}).toPass({ timeout: 15_000 });
	const shown = await zoom13.evaluateAll((tiles) =>
		tiles.map((tile) => (tile as HTMLImageElement).src)
	);
	expect(shown.every((url) => downloaded.includes(url))).toBe(true);
	await expect
		.poll(() =>
			zoom13.evaluateAll((tiles) =>
				tiles.every((tile) => {
					const image = tile as HTMLImageElement;
					return image.complete && image.naturalWidth > 0;
				})
			)
		)
		.toBe(true);
	await expect(page.getByText(/basemap is unavailable/)).toHaveCount(0);
	// No downloaded tile was asked of the network again (zoom 11, never downloaded, may have been).
	for (const url of downloaded) expect(server.hits.get(url), url).toBe(hitsOnline.get(url));
});

test('a cancelled download resumes after a reload without fetching cached tiles again', async ({
	page,
	context
}) => {
	const server = await tileServer(page, context, 150);
	await visitOnline(page, '/en/settings');
	await chooseZooms(page, [12, 13]);
	await page.getByRole('button', { name: 'Download the map for offline use' }).click();
	const progress = page.getByRole('progressbar', { name: 'Map download' });
	await expect
		.poll(async () => Number(await progress.getAttribute('value')), { timeout: 10_000 })
		.toBeGreaterThanOrEqual(8);
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(page.getByText(/Download cancelled/)).toBeVisible();
	// Requests in flight when cancelled may still land in the cache; let them settle.
	await page.waitForTimeout(600);
	const cached = await cachedTiles(page);
	expect(cached.length).toBeGreaterThanOrEqual(8);
	expect(cached.length).toBeLessThan(34);
	const hitsAtCancel = new Map(server.hits);

	// The job survives a reload (it is kept in the phone's database) and offers to resume.
	await page.reload();
	await expect(page.getByText(/A download of the map stopped at \d+ of 34 tiles/)).toBeVisible();
	await page.getByRole('button', { name: 'Resume the download' }).click();
	await expect(page.getByText('The map is downloaded for offline use: 34 tiles.')).toBeVisible({
		timeout: 20_000
	});
	await expect(page.getByText('34 of 34 tiles (100 %)')).toBeVisible();
	expect(await cachedTiles(page)).toHaveLength(34);
	for (const url of cached) expect(server.hits.get(url), url).toBe(hitsAtCancel.get(url));
});

test('clearing map tiles empties their cache and keeps the content and saved things', async ({
	page,
	context
}) => {
	await tileServer(page, context);
	await visitOnline(page, '/settings');
	await page.getByRole('checkbox', { name: /^15 级/ }).uncheck();
	await page.getByRole('checkbox', { name: /^14 级/ }).uncheck();
	await page.getByRole('button', { name: '下载离线地图' }).click();
	await expect(page.getByText('离线地图已下载：34 个图块。')).toBeVisible({ timeout: 20_000 });
	const tiles = page.locator('[data-cache="map-tiles-v1"]');
	await expect(tiles).toContainText('34 个文件');
	await expect(page.getByText(/不会删除导览内容，也不会删除您的行程和收藏/)).toBeVisible();

	await tiles.getByRole('button', { name: '清除地图图块' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已清除地图图块。' })).toBeVisible();
	await expect(tiles).toContainText('0 个文件');
	expect(await cachedTiles(page)).toEqual([]);
	// The content mirror is untouched: it still counts its records, and pages still open offline.
	await expect(page.locator('[data-usage="content"]')).toContainText(/[1-9]\d* 条记录/);
	await context.setOffline(true);
	await page.goto('/venues');
	await expect(page.getByRole('heading', { level: 1, name: '游览地点' })).toBeVisible();
});

test('the settings page is accessible in both languages and offers both languages', async ({
	page
}) => {
	await page.goto('/settings');
	await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible();
	await expect(page.getByTestId('map-estimate')).toContainText('430 个图块');
	await expect(page.getByRole('status').filter({ hasText: /离线数据/ })).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'English', exact: true }).click();
	await expect(page).toHaveURL(/\/en\/settings$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'English', exact: true })).toHaveAttribute(
		'aria-current',
		'page'
	);
	await expect(page.getByText(/Guide content/)).toBeVisible();
	await expectAccessible(page);
});
