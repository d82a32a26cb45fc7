import { demo } from './admin-helpers';
import { expect, test } from './fixtures';

test('an admin publishes next year’s holidays, sees mistakes by line and the venues affected, and phones get them', async ({
	page,
	request
}) => {
	test.setTimeout(90_000);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/admin/holidays');
	await page.getByLabel('邮箱').fill(demo.email);
	await page.getByLabel('密码').fill(demo.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page.getByRole('heading', { level: 1, name: '法定节假日' })).toBeVisible();

	const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
	const next = Number(today.slice(0, 4)) + 1;
	const reminder = page.getByText(`${next} 年的节假日安排尚未录入`);
	if (today.slice(5, 7) >= '11') await expect(reminder).toBeVisible();
	else await expect(reminder).toHaveCount(0);

	// The 2026 schedule changes the museum's Mondays (it opens on holidays).
	await page
		.getByText(/开放时间受影响的场馆/)
		.first()
		.click();
	await expect(page.getByRole('cell', { name: /济宁市博物馆 · 2026-10-05/ })).toBeVisible();

	await page.goto(`/admin/holidays?year=${next}`);
	const ranges = page.getByLabel(/放假日期/);
	await ranges.fill(
		`元旦 | New Year's Day | ${next}-01-01 | ${next}-01-03\n重叠 | Overlap | ${next}-01-02 | ${next}-01-02`
	);
	await page.getByLabel(/调休上班日/).fill(`${next}-01-06`);
	await page.getByRole('button', { name: '发布这一年的安排' }).click();
	await expect(page.getByRole('alert')).toContainText('第 2 行 · start: overlaps 元旦');
	await expect(ranges).toHaveValue(/重叠/);
	await expect(page.locator('html[data-ready="true"]')).toHaveCount(1);

	await ranges.fill(`元旦 | New Year's Day | ${next}-01-01 | ${next}-01-03`);
	await page.getByLabel(/调休上班日/).fill('');
	await page.getByRole('button', { name: '发布这一年的安排' }).click();
	await expect(
		page.getByRole('status').filter({ hasText: `${next} 年的安排已发布` })
	).toBeVisible();

	const feed = await (await request.get('/api/v1/content')).json();
	expect(feed.holidays.map((y: { year: number }) => y.year)).toContain(next);
});
