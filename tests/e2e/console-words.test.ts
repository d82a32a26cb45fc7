import type { Browser, Page } from '@playwright/test';
import { demo, previewImport, serverURL } from './admin-helpers';
import { expect, expectAccessible, test } from './fixtures';
import { addDays, shanghaiToday } from './moment';

/**
 * The editor console speaks the editor's language (issue 20): on a desktop (1366 × 768) whose
 * clock is set to Berlin, in the console's default language, Chinese.
 */

async function console(browser: Browser): Promise<Page> {
	const context = await browser.newContext({
		baseURL: serverURL,
		viewport: { width: 1366, height: 768 },
		timezoneId: 'Europe/Berlin',
		locale: 'zh-CN'
	});
	await context.route(/tile\.openstreetmap\.org|tianditu\.gov\.cn|tiles\.example\.test/, (route) =>
		route.abort()
	);
	const page = await context.newPage();
	await page.goto('/admin/login');
	await page.getByLabel('邮箱').fill(demo.email);
	await page.getByLabel('密码').fill(demo.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/admin$/);
	return page;
}

test('a bad opening-hours rule is explained in the console’s language: what is wrong, where, and an example', async ({
	browser
}) => {
	const page = await console(browser);
	await page.goto('/admin/venues/ven_jininglibrary');
	await page.waitForLoadState('networkidle');
	const hours = page.getByLabel('开放时间', { exact: true });
	await hours.fill('08:00-18:00 周一闭馆');
	const check = page.locator('#openingHours-check');
	await expect(check).toContainText('第 13 个字符处的“周一”无法识别。');
	await expect(check).toContainText('星期请用英文缩写 Mo Tu We Th Fr Sa Su');
	await expect(check).toContainText('正确写法示例：Tu-Su 09:00-17:30; Mo off; PH 09:00-17:00');
	await expect(check).not.toContainText(/Unexpected|token|This means/);

	// Saved anyway, the server refuses it at the field, in the same words.
	await page.getByRole('button', { name: '保存' }).click();
	const problems = page.locator('#openingHours-problems');
	await expect(problems).toContainText('开放时间：第 13 个字符处的“周一”无法识别。');
	await expect(problems).not.toContainText('<---');
	await expectAccessible(page);

	// In the English console, in English.
	await page.getByRole('link', { name: 'Switch the console to English' }).click();
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Opening hours', { exact: true }).fill('Mo-Fr 25:99-26:00');
	await expect(page.locator('#openingHours-check')).toContainText(
		'“25:99” at character 7 is not a time or a date'
	);
	await page.getByRole('link', { name: '切换为中文界面' }).click();
	await page.context().close();
});

test('an imported row with a bad time says what is wrong with the value: “25:99” is not a time', async ({
	browser
}) => {
	const page = await console(browser);
	const day = addDays(shanghaiToday(), 40);
	const csv = [
		'title_zh,summary_zh,venue,start,end',
		`灯谜夜,猜灯谜。,beihu-pavilion-square,${day} 25:99,${day} 20:00`,
		`开幕,开幕。,beihu-pavilion-square,${day} 19:00,下周五晚上`
	].join('\n');
	await previewImport(page, csv);
	await expect(page.getByRole('row', { name: /^2 / })).toContainText(
		'“25:99”不是有效的时间：小时为 00–23，分钟为 00–59'
	);
	await expect(page.getByRole('row', { name: /^2 / })).not.toContainText('请输入日期和时间');
	await expect(page.getByRole('row', { name: /^3 / })).toContainText(
		'“下周五晚上”格式不对，应写成“年-月-日 时:分”'
	);
	await expectAccessible(page);
	await page.context().close();
});

test('the audit log names records by their titles, linked to their edit pages', async ({
	browser
}) => {
	const page = await console(browser);
	await page.goto('/admin/venues/ven_toiletlakepier');
	await page.waitForLoadState('networkidle');
	const name = await page.locator('[id="name.zh"]').inputValue();
	const summary = page.locator('[id="summary.zh"]');
	await summary.fill(`${await summary.inputValue()}（已核实）`);
	await page.getByRole('button', { name: '保存' }).click();
	await expect(page.getByText('已保存。')).toBeVisible();

	await page.goto('/admin/audit?entityType=venues');
	const link = page.getByRole('link', { name, exact: true }).first();
	await expect(link).toHaveAttribute('href', '/admin/venues/ven_toiletlakepier');
	await expect(page.locator('table').getByRole('link', { name: /^ven_/ })).toHaveCount(0);
	await expectAccessible(page);
	await link.click();
	await expect(page).toHaveURL(/\/admin\/venues\/ven_toiletlakepier$/);
	await page.context().close();
});

test('the preview shows the whole phone screen: header, bottom navigation and the “updated” line', async ({
	browser
}) => {
	const page = await console(browser);
	await page.goto('/admin/preview/events/evt_lanterns07');
	const phone = page.locator('.phone');
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('吕剧专场');
	await expect(phone.getByRole('banner')).toContainText('太白湖文旅');
	const nav = phone.getByRole('navigation', { name: '主导航' });
	await expect(nav).toBeVisible();
	await expect(nav.getByRole('link', { name: '活动' })).toHaveAttribute('aria-current', 'page');
	await expect(phone.getByRole('status').filter({ hasText: /^内容更新于/ })).toBeVisible();
	// The navigation sits at the bottom of the phone, inside it.
	const frame = (await phone.boundingBox())!;
	const bar = (await nav.boundingBox())!;
	expect(bar.y + bar.height).toBeLessThanOrEqual(frame.y + frame.height + 1);
	expect(frame.y + frame.height - (bar.y + bar.height)).toBeLessThan(3);
	expect(frame.width).toBeLessThanOrEqual(390);

	// The preview's own language switch (in the phone's header too) stays in the preview.
	await phone.getByRole('banner').getByRole('link', { name: 'Switch to English' }).click();
	await expect(page).toHaveURL(/\/admin\/preview\/events\/evt_lanterns07\?lang=en$/);
	await expect(phone.getByRole('heading', { level: 1 })).toHaveText('Lü Opera Evening');
	await expect(phone.getByRole('status').filter({ hasText: /^Updated/ })).toBeVisible();
	await expectAccessible(page);
	await page.context().close();
});

test('a refused password change says what is wrong beside the field it is about, and changes nothing', async ({
	browser
}) => {
	const page = await console(browser);
	await page.goto('/admin/account');
	const current = page.getByLabel('当前密码');
	const next = page.getByLabel(/^新密码/);
	const again = page.getByLabel('再次输入新密码');

	await current.fill('not the password');
	await next.fill('a new password 2026');
	await again.fill('a new password 2026');
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(current).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#current-problem')).toHaveText(/当前密码不正确/);
	await expect(current).toHaveAttribute('aria-describedby', 'current-problem');
	await expect(next).not.toHaveAttribute('aria-invalid');

	await page.getByLabel('当前密码').fill(demo.password);
	await page.getByLabel(/^新密码/).fill('a new password 2026');
	await page.getByLabel('再次输入新密码').fill('another password 2026');
	await page.getByRole('button', { name: '修改密码' }).click();
	await expect(page.getByLabel('再次输入新密码')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#again-problem')).not.toBeEmpty();
	await expect(page.locator('#current-problem')).toHaveCount(0);
	await expectAccessible(page);

	// The password is unchanged: the demo account still logs in with it.
	const check = await browser.newContext({ baseURL: serverURL });
	const login = await check.newPage();
	await login.goto('/admin/login');
	await login.getByLabel('邮箱').fill(demo.email);
	await login.getByLabel('密码').fill(demo.password);
	await login.getByRole('button', { name: '登录' }).click();
	await expect(login).toHaveURL(/\/admin$/);
	await check.close();
	await page.context().close();
});
