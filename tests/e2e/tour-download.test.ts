import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mp3 } from '../helpers/audio-fixtures';
import { createAccount, openConsole } from './admin-helpers';
import { expect, test } from './fixtures';
import { uploadVenuePhotos } from './venue-photos';

/**
 * "Download this tour": a visitor downloads a tour with a recorded stop, closes the browser,
 * opens it again in airplane mode and plays the stop; then removes the tour in Settings. The
 * recording is made here, nothing downloaded from outside; map tiles are answered by the test.
 */
const slug = 'lake-day-by-bike-and-boat';
const editor = { email: 'tours-download@bureau.example', password: 'tour download 2026' };
test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, '编辑小赵'));

const blankTile = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

/** Tiles answered as public tile servers do, for the page and the service worker alike. */
async function tileServer(context: BrowserContext) {
	await context.route(/tiles\.example\.test/, (route) =>
		route
			.fulfill({
				status: 200,
				contentType: 'image/png',
				headers: { 'access-control-allow-origin': '*' },
				body: blankTile
			})
			.catch(() => undefined)
	);
}

/** What the tour cache holds: URL path and bytes of each file. */
const tourCacheFiles = (page: Page) =>
	page.evaluate(async () => {
		const cache = await caches.open('tours-v1');
		return Promise.all(
			(await cache.keys()).map(async (request) => ({
				path: new URL(request.url).pathname,
				bytes: (await (await cache.match(request))!.blob()).size
			}))
		);
	});

test('a downloaded tour plays in airplane mode after the browser restarts, and Settings removes it', async ({
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(150_000);
	const desk = await openConsole(browser, editor);
	await desk.goto('/admin/tours?q=lake-day');
	await desk.getByRole('link', { name: '骑行乘船游太白湖' }).click();
	await desk.waitForLoadState('networkidle');
	const panel = desk.getByRole('region', { name: '语音导览' });
	await panel.getByLabel('线路站点').selectOption({ index: 0 });
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'pier.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from(mp3(60, { kbps: 32 }))
	});
	await panel.getByLabel('讲解文稿').fill('北湖阁广场是骑行的起点。');
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(desk.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await desk.context().close();

	const profile = mkdtempSync(join(tmpdir(), 'taibai-tour-'));
	const launch = testInfo.project.use.launchOptions ?? {};
	try {
		const first = await chromium.launchPersistentContext(profile, { ...launch, baseURL });
		await tileServer(first);
		const page = first.pages()[0] ?? (await first.newPage());
		await page.goto(`/tours/${slug}`);
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
			timeout: 30_000
		});
		await expect(page.getByRole('status').filter({ hasText: '内容更新于' })).toBeVisible({
			timeout: 30_000
		});
		const offline = page.getByRole('region', { name: '离线使用' });
		await expect(offline.getByTestId('tour-estimate')).toContainText(/1 段录音.*个地图图块/);
		await offline.getByRole('button', { name: '下载本线路' }).click();
		await expect(offline.getByText(/已下载，可离线使用/)).toBeVisible({ timeout: 60_000 });

		// The recording is in the tour cache exactly as served, and that is what plays.
		const view = await (await page.request.get(`/api/v1/views/tour?lang=zh&slug=${slug}`)).json();
		const recording = view.stops[0].narration.recording as { url: string; durationS: number };
		const served = (await (await page.request.get(recording.url)).body()).byteLength;
		const stored = await tourCacheFiles(page);
		expect(stored).toContainEqual({ path: recording.url, bytes: served });
		const tiles = await page.evaluate(
			async () => (await (await caches.open('map-tiles-v1')).keys()).length
		);
		expect(tiles).toBeGreaterThan(0);
		const size = await offline.getByText(/已下载，可离线使用/).textContent();
		// The figures the issue asks for, in the test's log.
		process.stdout.write(
			`[figures] narration as served: ${Math.round((served / recording.durationS) * 60)} bytes per minute ` +
				`(${served} bytes for ${recording.durationS} s, MP3 at 32 kbit/s); downloaded sample tour: ` +
				`${stored.reduce((sum, f) => sum + f.bytes, 0)} bytes of recordings and pictures in ${stored.length} files, ` +
				`${tiles} map tiles; the page says: ${size}\n`
		);
		await first.close();

		const again = await chromium.launchPersistentContext(profile, {
			...launch,
			baseURL,
			offline: true
		});
		const phone = again.pages()[0] ?? (await again.newPage());
		await phone.goto(`/tours/${slug}`);
		await expect(phone.getByRole('heading', { level: 1 })).toHaveText('骑行乘船游太白湖');
		expect(await phone.evaluate(() => navigator.onLine)).toBe(false);
		const stop = phone.locator('.stop').first();
		await stop.getByText(/收听讲解 · 录音讲解/).click();
		await stop.getByRole('button', { name: '播放' }).click();
		await expect
			.poll(() => stop.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime), {
				timeout: 15_000
			})
			.toBeGreaterThan(0.5);
		// Seeking asks the service worker for a range of the stored file.
		await stop.locator('audio').evaluate((a: HTMLAudioElement) => (a.currentTime = 45));
		await expect
			.poll(() => stop.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime))
			.toBeGreaterThan(45.2);
		await expect(phone.getByRole('region', { name: '离线使用' })).toContainText(/已下载/);

		await phone.goto('/settings');
		const listed = phone.getByRole('listitem').filter({ hasText: '骑行乘船游太白湖（中文）' });
		await expect(listed).toContainText('可离线使用');
		await listed.getByRole('button', { name: '删除骑行乘船游太白湖' }).click();
		await expect(phone.getByText('已删除骑行乘船游太白湖。')).toBeVisible();
		await expect(phone.getByText('本机尚未下载任何线路。')).toBeVisible();
		expect(await tourCacheFiles(phone)).toEqual([]);
		await again.close();
	} finally {
		rmSync(profile, { recursive: true, force: true });
	}
});

test('a downloaded tour keeps the photos of its venues: offline, a venue page of the tour shows them all, and removal takes them away', async ({
	browser,
	page,
	context
}) => {
	test.setTimeout(150_000);
	const desk = await openConsole(browser, editor);
	await uploadVenuePhotos(desk, { q: 'lakeside-park', name: '湖畔公园' }, 3, {
		zh: '湖畔公园照片',
		en: 'Lakeside Park photo'
	});
	await desk.context().close();

	await tileServer(context);
	await page.goto(`/tours/${slug}`);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: '内容更新于' })).toBeVisible({
		timeout: 30_000
	});
	const view = await (await page.request.get(`/api/v1/views/tour?lang=zh&slug=${slug}`)).json();
	const park = (view.stops as { venue?: { slug: string; photos: { src: string }[] } }[]).find(
		(s) => s.venue?.slug === 'lakeside-park'
	)!.venue!;
	expect(park.photos).toHaveLength(3);
	const offline = page.getByRole('region', { name: '离线使用' });
	await offline.getByRole('button', { name: /下载本线路|继续下载|更新下载/ }).click();
	await expect(offline.getByText(/已下载，可离线使用/)).toBeVisible({ timeout: 60_000 });
	const stored = (await tourCacheFiles(page)).map((f) => f.path);
	for (const photo of park.photos) {
		expect(stored.some((path) => path.startsWith(`${photo.src}-`))).toBe(true);
	}
	// Nothing else holds them: the image cache the browser fills as it goes is emptied.
	await page.evaluate(() => caches.delete('images-v1'));

	await context.setOffline(true);
	await page.goto('/venues/lakeside-park');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('湖畔公园');
	for (let i = 1; i <= 3; i++) {
		const img = page.getByRole('img', { name: `湖畔公园照片${i}` });
		await img.scrollIntoViewIfNeeded();
		await expect
			.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
			.toBeGreaterThan(0);
	}

	await page.goto('/settings');
	const listed = page.getByRole('listitem').filter({ hasText: '骑行乘船游太白湖（中文）' });
	await listed.getByRole('button', { name: '删除骑行乘船游太白湖' }).click();
	await expect(page.getByText('已删除骑行乘船游太白湖。')).toBeVisible();
	const left = (await tourCacheFiles(page)).map((f) => f.path);
	expect(left.filter((path) => park.photos.some((p) => path.startsWith(`${p.src}-`)))).toEqual([]);
});

/** The URLs of the map tiles cached on the phone. */
const cachedTiles = (page: Page) =>
	page.evaluate(async () =>
		(await (await caches.open('map-tiles-v1')).keys()).map((request) => request.url)
	);

test('removing a downloaded tour removes its map tiles but keeps those the offline map area still needs', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await tileServer(context);
	await page.goto('/settings');
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: '内容更新于' })).toBeVisible({
		timeout: 30_000
	});
	// The map area: the district at zoom 13 only (the tour's map is zooms 13 to 16).
	for (const zoom of [12, 14, 15]) {
		await page.getByRole('checkbox', { name: new RegExp(`^${zoom} 级`) }).uncheck();
	}
	await page.getByRole('button', { name: '下载离线地图' }).click();
	await expect(page.getByText(/离线地图已下载：\d+ 个图块。/)).toBeVisible({ timeout: 30_000 });
	const area = await cachedTiles(page);
	expect(area.length).toBeGreaterThan(0);
	expect(area.every((url) => url.includes('/13/'))).toBe(true);

	await page.goto(`/tours/${slug}`);
	const offline = page.getByRole('region', { name: '离线使用' });
	await offline.getByRole('button', { name: /下载本线路|继续下载|更新下载/ }).click();
	await expect(offline.getByText(/已下载，可离线使用/)).toBeVisible({ timeout: 60_000 });
	// The tour's tiles as its record on the phone lists them; those the area has not are its own.
	const tourTiles = await page.evaluate(
		() =>
			new Promise<string[]>((resolve, reject) => {
				const open = indexedDB.open('taibai-lake-guide');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const get = open.result
						.transaction('tourDownloads')
						.objectStore('tourDownloads')
						.get('tour_lakebikeboat:zh');
					get.onsuccess = () => resolve(get.result.tileUrls);
					get.onerror = () => reject(get.error);
				};
			})
	);
	const tourOnly = tourTiles.filter((url) => !area.includes(url));
	expect(tourOnly.length).toBeGreaterThan(0);
	expect(tourTiles.length).toBeGreaterThan(tourOnly.length);
	const stored = new Set(await cachedTiles(page));
	expect(tourTiles.filter((url) => !stored.has(url))).toEqual([]);

	await page.goto('/settings');
	const listed = page.getByRole('listitem').filter({ hasText: '骑行乘船游太白湖（中文）' });
	await listed.getByRole('button', { name: '删除骑行乘船游太白湖' }).click();
	await expect(page.getByText('已删除骑行乘船游太白湖。')).toBeVisible();
	const left = new Set(await cachedTiles(page));
	// Every tile of the map area stays; the tour's own tiles (its closer zooms) are gone.
	expect(area.filter((url) => !left.has(url))).toEqual([]);
	expect(tourOnly.filter((url) => left.has(url))).toEqual([]);
});
