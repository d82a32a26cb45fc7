import { expect, expectAccessible, test } from './fixtures';

test.describe('search', () => {
	test('typing pinyin initials shows 太白湖 results without pressing enter', async ({ page }) => {
		await page.goto('/search', { waitUntil: 'networkidle' });
		const box = page.getByRole('searchbox', { name: '搜索活动、场馆、线路和节庆' });
		await box.pressSequentially('tbh', { delay: 40 });
		await expect(page.getByRole('link', { name: /^太白湖景区/ })).toBeVisible();
		await expect(page.getByRole('heading', { name: /^场馆（\d+）$/ })).toBeVisible();
		await expect(page.locator('p[role=status]')).toContainText(/找到 \d+ 个结果/);
		await expect(page).toHaveURL(/\/search\?q=tbh$/);
		await expect(box).toBeFocused();
		await expectAccessible(page);
	});

	test('English search finds the museum and a reload keeps the query', async ({ page }) => {
		await page.goto('/en/search', { waitUntil: 'networkidle' });
		const box = page.getByRole('searchbox', { name: 'Search events, places, tours and festivals' });
		await box.pressSequentially('museum', { delay: 40 });
		const museum = page.getByRole('link', { name: /^Jining Museum/ });
		await expect(museum).toBeVisible();
		await expect(page).toHaveURL(/\/en\/search\?q=museum$/);
		await page.reload();
		await expect(box).toHaveValue('museum');
		await expect(museum).toBeVisible();
		await expect(page.getByRole('heading', { name: /^Places \(\d+\)$/ })).toBeVisible();
		await expectAccessible(page);
	});

	test('clearing the box clears the results and the URL', async ({ page }) => {
		await page.goto('/search?q=bwg', { waitUntil: 'networkidle' });
		await expect(page.getByRole('link', { name: /^济宁市博物馆/ })).toBeVisible();
		await page.getByRole('searchbox').fill('');
		await expect(page).toHaveURL(/\/search$/);
		await expect(page.getByRole('link', { name: /^济宁市博物馆/ })).toHaveCount(0);
		await expect(page.getByText('试试：')).toBeVisible();
	});

	test('a query with nothing to find says so', async ({ page }) => {
		await page.goto('/en/search?q=zzzzqx');
		await expect(page.locator('p[role=status]')).toHaveText('Nothing found for “zzzzqx”.');
	});
});

test.describe('practical information', () => {
	for (const [path, police] of [
		['/info', '报警'],
		['/en/info', 'Police']
	] as const) {
		test(`${path} offers the emergency numbers as phone links`, async ({ page }) => {
			await page.goto(path);
			for (const number of ['110', '119', '120', '12345']) {
				await expect(page.locator(`a[href="tel:${number}"]`)).toBeVisible();
			}
			await expect(page.locator('a[href="tel:110"]')).toContainText(police);
			await expectAccessible(page);
		});
	}

	test('shows the visitor centre, parking with 泊济宁, and install help, in English', async ({
		page
	}) => {
		await page.goto('/en/info');
		await expect(
			page.getByRole('heading', { name: 'Beihu Pavilion Visitor Centre' })
		).toBeVisible();
		await expect(page.getByText(/泊济宁/)).toBeVisible();
		await expect(page.getByRole('link', { name: /Beihu Pavilion Car Park/ })).toHaveAttribute(
			'href',
			'/en/venues/beihu-pavilion-parking'
		);
		// An Android phone (the tests' Pixel 7) is shown its own steps only.
		await expect(page.getByText(/Android \(Chrome\): open the menu ⋮/)).toBeVisible();
		await expect(page.getByText(/iPhone \(Safari\)/)).toHaveCount(0);
		await expect(page.getByText(/sample data/).first()).toBeVisible();
	});
});

test.describe('search engines', () => {
	test('sitemap.xml lists pages with their /en/ alternates', async ({ request }) => {
		const response = await request.get('/sitemap.xml');
		expect(response.ok()).toBe(true);
		expect(response.headers()['content-type']).toContain('application/xml');
		const xml = await response.text();
		expect(xml).toMatch(/<loc>http:\/\/127\.0\.0\.1:\d+\/en\/venues\/jining-museum<\/loc>/);
		expect(xml).toMatch(/hreflang="en" href="http:\/\/127\.0\.0\.1:\d+\/en\/search"/);
		expect(xml).toContain('hreflang="x-default"');
	});

	test('robots.txt references the sitemap by its absolute URL', async ({ request, baseURL }) => {
		const response = await request.get('/robots.txt');
		expect(response.headers()['content-type']).toContain('text/plain');
		expect(await response.text()).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
	});
});
