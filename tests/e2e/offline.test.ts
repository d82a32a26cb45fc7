import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** First visit with a network: wait until the worker controls the page and the mirror is filled. */
async function visitOnline(page: Page, path = '/') {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 20_000
	});
	await expect(page.getByRole('status').filter({ hasText: /内容更新于|Updated/ })).toBeVisible({
		timeout: 20_000
	});
}

test('after one visit the home page opens offline in both languages, from the phone’s mirror', async ({
	page,
	context
}) => {
	await visitOnline(page);
	const festival = await page.locator('.festival-name').textContent();
	await context.setOffline(true);
	await page.reload();
	await expect(page.locator('.festival-name')).toHaveText(festival ?? '');
	await expect(page.getByText('离线', { exact: true })).toBeVisible();
	await page.goto('/en');
	await expect(page.getByRole('heading', { name: 'Starting soon' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/?lang=en');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
