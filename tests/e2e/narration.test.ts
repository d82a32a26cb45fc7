import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAccount, e2eDatabase, mediaFiles, openConsole } from './admin-helpers';
import { mp3 } from '../helpers/audio-fixtures';
import { stubSpeech } from './speech-stub';
import Database from 'better-sqlite3';

/**
 * Narration from the console to the phone: an editor uploads a recording with its transcript, a
 * visitor plays it; where there is no recording the device's voice reads the text, and where
 * there is no voice either the text stands alone. Recordings are made here, nothing downloaded.
 */
const editor = {
	email: 'wang@bureau.example',
	password: 'narration editor 2026',
	name: '编辑小王'
};
test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, editor.name));

const transcript = '济宁美术馆位于太白湖畔的文化中心。这段讲解介绍馆内的常设展览。';
const audioState = (page: Page) =>
	page.locator('.narration audio').evaluate((a: HTMLAudioElement) => ({
		time: a.currentTime,
		rate: a.playbackRate,
		paused: a.paused
	}));

/** The listening positions the phone's database keeps (seconds), read as the page's origin. */
const keptPositions = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<number[]>((resolve, reject) => {
				const open = indexedDB.open('taibai-lake-guide');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('listening')) {
						db.close();
						return resolve([]);
					}
					const all = db.transaction('listening').objectStore('listening').getAll();
					all.onsuccess = () => {
						db.close();
						resolve(all.result.map((row) => row.position as number));
					};
					all.onerror = () => reject(all.error);
				};
			})
	);

function storedStop(slug: string) {
	const db = new Database(e2eDatabase, { readonly: true, fileMustExist: true });
	try {
		const row = db.prepare('select data from tours where slug = ?').get(slug) as { data: string };
		return JSON.parse(row.data).stops as { radiusM: number; narration: unknown[] }[];
	} finally {
		db.close();
	}
}

test('an editor uploads a recording with its transcript and a visitor plays it, changes speed, goes back 15 s and resumes where they stopped', async ({
	page: visitor,
	browser
}) => {
	const page = await openConsole(browser, editor);
	await page.goto('/admin/venues?q=jining-art-museum');
	await page.getByRole('link', { name: '济宁美术馆' }).click();
	await page.waitForLoadState('networkidle');
	const panel = page.getByRole('region', { name: '语音导览' });
	const stored = mediaFiles();

	// A picture with a recording's name is judged by its content and refused; nothing is stored.
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'guide.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwC', 'base64')
	});
	await panel.getByLabel('讲解文稿').fill(transcript);
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(page.locator('#narration-problem')).toContainText('录音文件：不是 MP3');
	expect(mediaFiles()).toEqual(stored);

	// Without a transcript the server refuses it too (the browser's own check bypassed here).
	const recording = Buffer.from(mp3(40, { kbps: 32 }));
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'guide.mp3',
		mimeType: 'audio/mpeg',
		buffer: recording
	});
	await panel.getByLabel('讲解文稿').evaluate((t) => t.removeAttribute('required'));
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(page.locator('#narration-problem')).toHaveText('讲解文稿：上传录音时必须填写。');
	expect(mediaFiles()).toEqual(stored);

	// A transcript over its 20,000 characters is refused before the recording is stored.
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'guide.mp3',
		mimeType: 'audio/mpeg',
		buffer: recording
	});
	await panel.getByLabel('讲解文稿').evaluate((t) => t.removeAttribute('maxlength'));
	await panel.getByLabel('讲解文稿').fill('讲'.repeat(20_001));
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(page.locator('#narration-problem')).toHaveText(
		'讲解文稿: 太长了（最多 20000 个字符）'
	);
	expect(mediaFiles()).toEqual(stored);

	await panel.getByLabel('录音文件').setInputFiles({
		name: 'guide.mp3',
		mimeType: 'application/octet-stream',
		buffer: recording
	});
	await panel.getByLabel('讲解文稿').fill(transcript);
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await expect(panel.getByRole('listitem')).toContainText('中文录音 · 0:40');
	await expect(page.locator('.recording .duration')).toHaveText('0:40');

	// The phone preview plays the file the phone will get; in English it falls back to the voice.
	await page.getByRole('link', { name: /预览（手机视图）/ }).click();
	const preview = page.getByRole('region', { name: '收听讲解' });
	await expect(preview.getByText('录音讲解 · 0:40')).toBeVisible();
	const previewSrc = await preview.locator('audio').getAttribute('src');
	await page.getByRole('link', { name: 'English', exact: true }).click();
	const english = page.getByRole('region', { name: 'Listen' });
	await expect(english.locator('.source')).toHaveText(/Read aloud by your device|No recording/);
	await expect(english.locator('audio')).toHaveCount(0);
	await page.context().close();

	await visitor.goto('/venues/jining-art-museum');
	const player = visitor.getByRole('region', { name: '收听讲解' });
	await expect(player.getByText('录音讲解 · 0:40')).toBeVisible();
	await expect(player.getByText(transcript)).toBeVisible();
	const src = await player.locator('audio').getAttribute('src');
	expect(src).toMatch(/^\/media\/[a-f0-9]{20}\.mp3$/);
	expect(src).toBe(previewSrc);
	// Seeking asks for ranges; the served file carries no tags.
	const ranged = await visitor.request.get(src!, { headers: { range: 'bytes=0-3' } });
	expect(ranged.status()).toBe(206);
	expect([...(await ranged.body())]).toEqual([0xff, 0xfb, 0x10, 0xc0]);

	await player.getByRole('button', { name: '播放' }).click();
	await expect.poll(async () => (await audioState(visitor)).time).toBeGreaterThan(0.2);
	// The lock screen and notification name what plays (Media Session).
	expect(await visitor.evaluate(() => navigator.mediaSession.metadata?.title)).toBe('济宁美术馆');
	expect(await visitor.evaluate(() => navigator.mediaSession.playbackState)).toBe('playing');
	await player.getByLabel('语速').selectOption('1.5');
	await expect.poll(async () => (await audioState(visitor)).rate).toBe(1.5);

	await visitor.locator('.narration audio').evaluate((a: HTMLAudioElement) => (a.currentTime = 30));
	await expect.poll(async () => (await audioState(visitor)).time).toBeGreaterThanOrEqual(30);
	await player.getByRole('button', { name: '后退 15 秒' }).click();
	const back = (await audioState(visitor)).time;
	expect(back).toBeGreaterThanOrEqual(15);
	expect(back).toBeLessThan(20);

	await player.getByRole('button', { name: '暂停' }).click();
	await expect.poll(async () => (await audioState(visitor)).paused).toBe(true);

	// Coming back to the page resumes where the visitor stopped, not from the start: the position
	// is kept in the phone's database (with the visitor's other data), once it is written there.
	const stoppedAt = (await audioState(visitor)).time;
	await expect.poll(() => keptPositions(visitor)).toContainEqual(expect.closeTo(stoppedAt, 0));
	await visitor.reload();
	await expect
		.poll(async () => (await audioState(visitor)).time)
		.toBeGreaterThanOrEqual(stoppedAt - 0.2);
	await expect(player.getByRole('button', { name: '播放' })).toBeVisible();
});

test('an editor sets a stop radius and uploads an English recording for a stop; the English tour page plays it and counts the visitor as arrived within that radius', async ({
	page: visitor,
	browser
}) => {
	const slug = 'family-day-at-the-culture-centre';
	const page = await openConsole(browser, editor);
	await page.goto('/admin/tours?q=family-day');
	await page.getByRole('link', { name: '文化中心亲子一日游' }).click();
	await page.waitForLoadState('networkidle');
	await page.locator('[id="stops.0.radiusM"]').fill('60');
	await page.getByRole('button', { name: '保存' }).first().click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	expect(storedStop(slug)[0].radiusM).toBe(60);

	// A radius out of bounds is refused at its field.
	await page.locator('[id="stops.1.radiusM"]').fill('5000');
	await page.getByRole('button', { name: '保存' }).first().click();
	await expect(page.locator('[id="stops.1.radiusM"]')).toHaveAttribute('aria-invalid', 'true');
	expect(storedStop(slug)[1].radiusM).toBe(40);

	await page.goto(page.url().split('?')[0]);
	await page.waitForLoadState('networkidle');
	const panel = page.getByRole('region', { name: '语音导览' });
	await panel.getByLabel('线路站点').selectOption({ index: 1 });
	await panel.getByLabel('语言').selectOption('en');
	await panel.getByLabel('录音文件').setInputFiles({
		name: 'stop.mp3',
		mimeType: 'audio/mpeg',
		buffer: Buffer.from(mp3(20, { kbps: 32 }))
	});
	await panel.getByLabel('讲解文稿').fill('The library keeps the city’s old books.');
	await panel.getByRole('button', { name: '上传录音' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	expect(storedStop(slug)[1].narration).toHaveLength(1);
	expect(storedStop(slug)[0].radiusM).toBe(60);
	await page.context().close();

	await visitor.goto(`/en/tours/${slug}`);
	const stop = visitor.locator('.stop').nth(1);
	await stop.getByText(/Listen · Recorded narration/).click();
	await expect(stop.getByText('Recorded narration · 0:20')).toBeVisible();
	await expect(stop.getByText('The library keeps the city’s old books.')).toBeVisible();
	await stop.getByRole('button', { name: 'Play' }).click();
	await expect
		.poll(() => stop.locator('audio').evaluate((a: HTMLAudioElement) => a.currentTime))
		.toBeGreaterThan(0.2);

	// 50 m from the first stop (Jining Museum) is inside its 60 m radius, outside the default 40 m.
	await visitor.context().grantPermissions(['geolocation']);
	await visitor.context().setGeolocation({ latitude: 35.368 + 50 / 111_195, longitude: 116.604 });
	await visitor.getByRole('button', { name: 'Start this tour' }).click();
	await expect(visitor.getByRole('region', { name: 'Start this tour' })).toContainText(
		'You are at this stop'
	);
});

test('a venue without a recording is read aloud by a Chinese device voice', async ({ page }) => {
	await stubSpeech(page, [
		{ lang: 'en-US', name: 'English' },
		{ lang: 'zh-CN', name: 'Mandarin' }
	]);
	await page.goto('/venues/jining-library');
	const player = page.getByRole('region', { name: '收听讲解' });
	await expect(player.getByText('由本机语音朗读')).toBeVisible();
	await player.getByRole('button', { name: '播放' }).click();
	const spoken = () =>
		page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
	await expect.poll(async () => (await spoken()).length).toBeGreaterThan(0);
	const [first] = await spoken();
	expect(first.lang).toBe('zh-CN');
	const description = await page.locator('.narration .transcript p').nth(1).textContent();
	expect(description?.startsWith(first.text.trim().slice(0, 4))).toBe(true);
	await expect(player.getByRole('button', { name: '暂停' })).toBeVisible();
});

test('a venue without a recording on a device without a voice shows the text alone and says so', async ({
	page
}) => {
	await stubSpeech(page, []);
	await page.goto('/en/venues/jining-library');
	const player = page.getByRole('region', { name: 'Listen' });
	await expect(player.getByText(/No recording, and this device has no voice/)).toBeVisible();
	await expect(player.getByRole('button', { name: 'Play' })).toHaveCount(0);
	await expect(player.locator('.transcript')).toContainText(/\S{10}/);
});
