import { expect, test } from './fixtures';

/** Today in Shanghai, as the server sees it. */
function shanghaiToday(): string {
	return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

test('a venue page shows the holiday note on a public holiday, offline as well', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(90_000);
	const today = shanghaiToday();
	const year = Number(today.slice(0, 4));
	const replaced = await request.post('/api/test/holidays', {
		data: {
			year,
			holidays: [{ name: { zh: '测试假日', en: 'Test Holiday' }, start: today, end: today }],
			workdays: []
		}
	});
	expect(replaced.ok()).toBe(true);
	const previous = await replaced.json();
	try {
		await page.goto('/en/venues/jining-museum');
		await expect(page.getByText('Today is Test Holiday (public holiday)')).toBeVisible();
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
			timeout: 30_000
		});
		await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
			timeout: 30_000
		});
		await context.setOffline(true);
		await page.goto('/venues/jining-museum');
		await expect(page.getByText('今天是测试假日（法定节假日）')).toBeVisible();
		await expect(page.getByText('离线', { exact: true })).toBeVisible();
	} finally {
		await context.setOffline(false);
		if (previous) await request.post('/api/test/holidays', { data: previous });
	}
});
