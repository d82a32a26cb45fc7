import { mp3 } from '../helpers/audio-fixtures';
import { createAccount, openConsole } from './admin-helpers';
import { expect, test } from './fixtures';

/**
 * The console's phone preview of a venue with a recording in each language plays exactly what a
 * phone plays: the same file, in Chinese and in English, and it really plays.
 */
const editor = { email: 'preview@bureau.example', password: 'narration preview 2026' };
test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, '编辑小周'));

const venue = { slug: 'jining-cultural-center', zh: '济宁市文化中心' };

test('the preview of a venue recorded in Chinese and English plays, in each language, the very file a phone plays', async ({
	browser,
	page: phone
}) => {
	test.setTimeout(60_000);
	const desk = await openConsole(browser, editor);
	await desk.goto(`/admin/venues?q=${venue.slug}`);
	await desk.getByRole('link', { name: venue.zh }).click();
	await desk.waitForLoadState('networkidle');
	const panel = desk.getByRole('region', { name: '语音导览' });
	// Two recordings told apart by their length: 20 s in Chinese, 30 s in English.
	for (const [language, seconds, text] of [
		['zh', 20, '济宁市文化中心的中文讲解。'],
		['en', 30, 'The Jining Cultural Center, in English.']
	] as const) {
		await panel.getByLabel('语言').selectOption(language);
		await panel.getByLabel('录音文件').setInputFiles({
			name: `${language}.mp3`,
			mimeType: 'audio/mpeg',
			buffer: Buffer.from(mp3(seconds, { kbps: 32 }))
		});
		await panel.getByLabel('讲解文稿', { exact: true }).fill(text);
		await panel.getByRole('button', { name: '上传录音' }).click();
		await expect(panel.getByRole('listitem').filter({ hasText: `0:${seconds}` })).toBeVisible();
	}

	await desk.getByRole('link', { name: /预览（手机视图）/ }).click();
	const played: Record<string, string> = {};
	for (const [language, region, source, link] of [
		['zh', '收听讲解', '录音讲解 · 0:20', undefined],
		['en', 'Listen', 'Recorded narration · 0:30', 'English']
	] as const) {
		if (link) await desk.getByRole('link', { name: link, exact: true }).click();
		const player = desk.getByRole('region', { name: region });
		await expect(player.locator('.source')).toHaveText(source);
		const audio = player.locator('audio');
		played[language] = (await audio.getAttribute('src')) ?? '';
		await player.getByRole('button', { name: language === 'zh' ? '播放' : 'Play' }).click();
		await expect
			.poll(() => audio.evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime))
			.toBeGreaterThan(0.2);
		// What played is the recording of that language, whole.
		expect(await audio.evaluate((a: HTMLAudioElement) => Math.round(a.duration))).toBe(
			language === 'zh' ? 20 : 30
		);
	}
	expect(played.zh).toMatch(/^\/media\/[a-f0-9]{20}\.mp3$/);
	expect(played.en).toMatch(/^\/media\/[a-f0-9]{20}\.mp3$/);
	expect(played.zh).not.toBe(played.en);
	await desk.context().close();

	// A phone gets the same files, in each language.
	for (const [language, path, region] of [
		['zh', `/venues/${venue.slug}`, '收听讲解'],
		['en', `/en/venues/${venue.slug}`, 'Listen']
	] as const) {
		await phone.goto(path);
		const audio = phone.getByRole('region', { name: region }).locator('audio');
		await expect(audio).toHaveAttribute('src', played[language]);
	}
});
