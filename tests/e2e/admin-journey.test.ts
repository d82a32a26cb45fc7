import sharp from 'sharp';
import { expect, test } from './fixtures';
import { createAccount, mediaFiles, openConsole } from './admin-helpers';

/**
 * The whole path of issue 6 in one story: what an editor publishes reaches a phone that already
 * has the app open, and cancelling one date of a repeating event flags the visitor's saved copy.
 */
const editor = { email: 'zhao@bureau.example', password: 'journey editor 2026' };
const shanghaiDate = (days: number) =>
	new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, '编辑小赵'));

test('an editor publishes a weekly event with a photo, an open visitor page receives it at the next sync, and cancelling one date flags the saved copy', async ({
	page: visitor,
	context: visitorContext,
	browser
}) => {
	test.setTimeout(120_000);
	const mark = Date.now().toString(36).slice(-5);
	const title = { zh: `湖畔夜跑${mark}`, en: `Lakeside Night Run ${mark}` };

	// The visitor has the app open and synced before the event exists.
	await visitor.goto(`/en/search?q=${encodeURIComponent(title.en)}`);
	await visitor.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 20_000
	});
	await expect(visitor.getByRole('status').filter({ hasText: /Updated/ })).toBeVisible({
		timeout: 20_000
	});
	await expect(visitor.getByRole('link', { name: new RegExp(title.en) })).toHaveCount(0);

	// The editor logs in and creates the event, weekly on its own weekday, four times.
	const page = await openConsole(browser, editor);
	await page.goto('/admin/events/new');
	await page.waitForLoadState('networkidle');
	await page.locator('[id="title.zh"]').fill(title.zh);
	await page.locator('[id="title.en"]').fill(title.en);
	await page.locator('[id="summary.zh"]').fill('沿北湖岸边的夜跑。');
	await page.locator('[id="description.zh"]').fill('每周一次，沿湖五公里。');
	await page.locator('#venueId').selectOption({ index: 1 });
	await page.locator('#start').fill(`${shanghaiDate(1)}T19:30`);
	await page.locator('#end').fill(`${shanghaiDate(1)}T21:00`);
	await page.locator('#repeat-weekly').check();
	await page.locator('input[name="repeat.count"]').fill('4');
	await expect(page.getByText('日期（4）')).toBeVisible();
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();

	// It gets a photo with its alt text, then is published.
	const photo = await sharp({
		create: { width: 1200, height: 800, channels: 3, background: '#1d6fa5' }
	})
		.jpeg()
		.toBuffer();
	const before = mediaFiles().length;
	const panel = page.getByRole('region', { name: '图片' });
	await panel.getByLabel(/JPEG、PNG 或 WebP/).setInputFiles({
		name: 'night-run.jpg',
		mimeType: 'image/jpeg',
		buffer: photo
	});
	await panel.getByLabel(/图片说明.*中文/).fill('夜跑的人们经过湖边灯光');
	await panel.getByLabel(/图片说明.*English/).fill('Runners passing the lakeside lights');
	await panel.getByRole('button', { name: '上传' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	expect(mediaFiles().length).toBeGreaterThan(before);
	await page.getByRole('button', { name: '发布', exact: true }).click();
	await expect(page.locator('p').filter({ hasText: '当前状态' })).toContainText('已发布');

	// The visitor's open page receives it when the app next syncs (coming back online).
	await visitorContext.setOffline(true);
	await visitorContext.setOffline(false);
	const result = visitor.getByRole('link', { name: new RegExp(title.en) });
	await expect(result).toBeVisible({ timeout: 20_000 });
	await result.click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title.en);
	await expect(
		visitor.getByRole('img', { name: 'Runners passing the lakeside lights' })
	).toBeVisible();
	await visitor.getByRole('button', { name: 'Save' }).click();
	await expect(visitor.getByRole('button', { name: 'Saved' })).toBeVisible();
	await expect(visitor.getByText(/you saved or planned ha/)).toHaveCount(0);

	// The editor cancels the second date only (an EXDATE); the event stays published.
	await page.reload();
	await page.waitForLoadState('networkidle');
	const second = page.locator('.dates li').nth(1);
	await second.getByLabel('取消这一天').check();
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await expect(page.locator('.dates li').nth(1).getByLabel('取消这一天')).toBeChecked();

	// At the next sync the visitor's saved copy is flagged, and the page stays where it was.
	await visitorContext.setOffline(true);
	await visitorContext.setOffline(false);
	const alert = visitor.getByRole('complementary', {
		name: 'An event you saved or planned has changed'
	});
	await expect(alert).toContainText('One of its dates is cancelled', { timeout: 20_000 });
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title.en);
	await page.context().close();
});
