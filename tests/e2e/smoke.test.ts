import { expect, test } from '@playwright/test';

test('the built server renders the home page in Chromium', async ({ page }) => {
	const response = await page.goto('/');
	expect(response?.status()).toBe(200);
	await expect(page.getByRole('heading', { level: 1 })).toContainText('太白湖');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
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
