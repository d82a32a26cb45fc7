import type { Browser, Page } from '@playwright/test';
import { mp3 } from '../helpers/audio-fixtures';
import { createAccount, openConsole } from './admin-helpers';
import { expect, test } from './fixtures';
import { spokenSoFar, stubSpeech } from './speech-stub';
import { startWalkAwayFrom, walkTo } from './walk-steps';

/**
 * Narration while the visitor is not looking: it keeps playing with the screen off (the page
 * hidden), and where the browser refuses to start a recording without a tap (a walk-up start),
 * the player asks for the tap plainly. Recordings are made here, nothing downloaded.
 */
const editor = { email: 'playback@bureau.example', password: 'narration playback 2026' };
test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, '编辑小孙'));

const audioOf = (page: Page) => page.locator('.narration audio').first();
const audioState = (page: Page) =>
	audioOf(page).evaluate((a: HTMLAudioElement) => ({ time: a.currentTime, paused: a.paused }));

/** A recording for a venue, or for one stop of a tour, uploaded in the console. */
async function upload(
	browser: Browser,
	record: { path: string; name: string; stop?: number },
	seconds: number,
	text: string
) {
	const desk = await openConsole(browser, editor);
	await desk.goto(record.path);
	await desk.getByRole('link', { name: record.name }).click();
	await desk.waitForLoadState('networkidle');
	const panel = desk.getByRole('region', { name: '语音导览' });
	if (record.stop !== undefined) {
		await panel.getByLabel('线路站点').selectOption({ index: record.stop });
	}
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'guide.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from(mp3(seconds, { kbps: 32 }))
	});
	await panel.getByLabel('讲解文稿').fill(text);
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(desk.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await desk.context().close();
}

test('with the screen off (the page hidden) the narration keeps playing and nothing of ours pauses it', async ({
	page,
	context,
	browser
}) => {
	await upload(
		browser,
		{ path: '/admin/venues?q=road-to-rejuvenation', name: '复兴之路文化科技园' },
		60,
		'复兴之路文化科技园的讲解。'
	);
	await page.goto('/venues/road-to-rejuvenation-park');
	const player = page.getByRole('region', { name: '收听讲解' });
	await player.getByRole('button', { name: '播放' }).click();
	await expect.poll(async () => (await audioState(page)).time).toBeGreaterThan(0.3);
	await audioOf(page).evaluate((a: HTMLAudioElement) => {
		(window as unknown as { pauses: number }).pauses = 0;
		a.addEventListener('pause', () => (window as unknown as { pauses: number }).pauses++);
	});

	// The screen goes off: the phone is locked and idle, and the page is hidden and blurred, as a
	// phone tells a page whose screen went dark.
	const cdp = await context.newCDPSession(page);
	await cdp.send('Emulation.setIdleOverride', { isUserActive: false, isScreenUnlocked: false });
	await page.evaluate(() => {
		Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
		Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
		document.dispatchEvent(new Event('visibilitychange'));
		window.dispatchEvent(new Event('blur'));
		window.dispatchEvent(new Event('pagehide'));
	});
	expect(await page.evaluate(() => document.visibilityState)).toBe('hidden');
	const hiddenAt = (await audioState(page)).time;
	await expect
		.poll(async () => (await audioState(page)).time, { timeout: 10_000 })
		.toBeGreaterThan(hiddenAt + 1.5);
	expect((await audioState(page)).paused).toBe(false);
	expect(await page.evaluate(() => (window as unknown as { pauses: number }).pauses)).toBe(0);
	expect(await page.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');
});

test('when the browser refuses to start a walk-up narration without a tap, the player offers “Tap to play” with the stop’s name, and the tap plays it', async ({
	page,
	context,
	browser,
	request
}) => {
	const slug = 'lantern-fair-night-walk';
	await upload(
		browser,
		{ path: '/admin/tours?q=lantern-fair', name: '灯会夜游步行', stop: 1 },
		30,
		'灯会主灯区的讲解。'
	);
	const view = await (await request.get(`/api/v1/views/tour?lang=zh&slug=${slug}`)).json();
	const stop = view.stops[1] as {
		name: string;
		position: { lat: number; lon: number };
		narration: unknown;
	};
	expect(stop).toHaveProperty('narration.recording');
	// The browser's autoplay rule, once: a play() not started by a tap is refused.
	await page.addInitScript(() => {
		const play = HTMLMediaElement.prototype.play;
		let refused = false;
		HTMLMediaElement.prototype.play = function () {
			if (!refused) {
				refused = true;
				return Promise.reject(
					new DOMException("play() failed because the user didn't interact", 'NotAllowedError')
				);
			}
			return play.call(this);
		};
	});
	await startWalkAwayFrom(page, context, slug, stop);
	await walkTo(page, context, stop);

	const asking = page
		.getByRole('alert')
		.filter({ hasText: '浏览器需要您点按一下才能开始播放讲解。' });
	await expect(asking).toBeVisible();
	expect((await audioState(page)).paused).toBe(true);
	await asking.getByRole('button', { name: `点按播放“${stop.name}”` }).click();
	await expect.poll(async () => (await audioState(page)).time).toBeGreaterThan(0.3);
	expect((await audioState(page)).paused).toBe(false);
	await expect(asking).toHaveCount(0);
});

test('when the browser refuses the device voice a walk-up start without a tap, the player offers “Tap to play” with the stop’s name, and the tap reads it', async ({
	page,
	context,
	request
}) => {
	const slug = 'canal-and-old-town-walk';
	const view = await (await request.get(`/api/v1/views/tour?lang=zh&slug=${slug}`)).json();
	const stop = view.stops[0] as {
		name: string;
		position: { lat: number; lon: number };
		narration: { text: string; recording?: unknown };
	};
	expect(stop.narration.recording).toBeUndefined();
	await stubSpeech(page, [{ lang: 'zh-CN', name: 'Mandarin' }], { refuseFirst: true });
	await startWalkAwayFrom(page, context, slug, stop);
	await walkTo(page, context, stop);

	const asking = page
		.getByRole('alert')
		.filter({ hasText: '浏览器需要您点按一下才能开始播放讲解。' });
	await expect(asking).toBeVisible();
	expect(await spokenSoFar(page)).toEqual([]);
	await asking.getByRole('button', { name: `点按播放“${stop.name}”` }).click();
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);
	expect(stop.narration.text.startsWith((await spokenSoFar(page))[0].text)).toBe(true);
	await expect(asking).toHaveCount(0);
});

test('a first visit to the home page loads no narration player, which a venue page does load', async ({
	page
}) => {
	// Waits for the offline layer to start (up to 30 s), then for a second page.
	test.setTimeout(60_000);
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (response.request().resourceType() !== 'script') return;
		// A body still being read when the test ends (or the page moves on) is of no interest.
		response.text().then(
			(text) => scripts.push(text),
			() => undefined
		);
	});
	await page.goto('/en');
	// The offline layer has started (it loads after first paint, when the browser is idle).
	await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
		timeout: 30_000
	});
	expect(scripts.length).toBeGreaterThan(0);
	// The lock-screen controls are the player's own: only its chunk carries them.
	const player = (text: string) => text.includes('setActionHandler');
	expect(scripts.filter(player)).toEqual([]);

	await page.goto('/en/venues/jining-art-museum');
	await expect(page.locator('.narration')).toBeVisible();
	await expect.poll(() => scripts.filter(player).length).toBeGreaterThan(0);
});
