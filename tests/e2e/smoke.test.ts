import { expect, expectAccessible, test } from './fixtures';

test('the built server renders the home page in Chromium', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('太白湖');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expectAccessible(page);
});

test('the home page opens in English from an /en link and a ?lang=en link', async ({ page }) => {
	await page.goto('/en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('link', { name: 'Taibai Lake Guide' })).toBeVisible();
	await expectAccessible(page);
	await page.goto('/?lang=en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('switching language is one tap, changes the URL and survives a reload', async ({ page }) => {
	await page.goto('/');
	// The choice is remembered by the running page; a tap before it runs is a plain link.
	await expect(page.locator('html[data-ready="true"]')).toHaveCount(1);
	await page.getByRole('link', { name: 'Switch to English' }).click();
	await expect(page).toHaveURL(/\/en$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.reload();
	await expect(page.getByRole('link', { name: '切换到中文' })).toBeVisible();
	await page.goto('/');
	await expect(page).toHaveURL(/\/en$/);
});

test('health answers with the current revision', async ({ request }) => {
	const response = await request.get('/healthz');
	expect(response.ok()).toBe(true);
	const body = await response.json();
	expect(body.status).toBe('ok');
	expect(body.revision).toBeGreaterThan(0);
});

test('an unknown API path answers JSON 404, not an HTML page', async ({ request }) => {
	const response = await request.get('/api/v1/nothing-here');
	expect(response.status()).toBe(404);
	expect(response.headers()['content-type']).toContain('application/json');
	expect((await response.json()).error.message).toContain('/api/v1/nothing-here');
});

test('the feed is compressed and revalidates with 304 over real HTTP', async ({ request }) => {
	const first = await request.get('/api/v1/content', { headers: { 'accept-encoding': 'br' } });
	expect(first.headers()['content-encoding']).toBe('br');
	const again = await request.get('/api/v1/content', {
		headers: { 'if-none-match': first.headers()['etag'] }
	});
	expect(again.status()).toBe(304);
});
