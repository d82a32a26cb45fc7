import type { APIRequestContext } from '@playwright/test';
import { demo, openConsole } from './admin-helpers';
import { expect, test } from './fixtures';
import { berlinPhone } from './moment';

test.use(berlinPhone);

/** An event that is on, not recurring and not all day, from the live feed. */
async function plainEvent(request: APIRequestContext) {
	const feed = await (await request.get('/api/v1/content')).json();
	return feed.events.find(
		(e: { status: string; rrule?: string; allDay: boolean }) =>
			e.status === 'published' && !e.rrule && !e.allDay
	) as { id: string; slug: string; title: { zh: string; en?: string } };
}

test('an editor cancels a saved event in the console; the open page alerts with the reason, linked to it', async ({
	page,
	browser,
	request
}) => {
	test.setTimeout(120_000);
	const event = await plainEvent(request);
	const title = event.title.en ?? event.title.zh;
	await page.goto(`/en/events/${event.slug}`);
	await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
		timeout: 30_000
	});
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
	// The visitor moves on to another page, which stays open.
	await page.goto('/en/venues');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

	const console = await openConsole(browser, demo);
	try {
		await console.goto(`/admin/events/${event.id}`);
		await console.waitForLoadState('networkidle');
		await console.getByText('取消活动', { exact: true }).first().click();
		await console.locator('#cancel-reason-zh').fill('湖面大风，演出取消');
		await console.locator('#cancel-reason-en').fill('Strong wind on the lake');
		await console.getByRole('button', { name: '取消活动' }).click();
		await expect(console.locator('p').filter({ hasText: '当前状态' })).toContainText('已取消');
	} finally {
		await console.context().close();
	}

	// The phone learns of it at its next sync (the signal coming back).
	await page.context().setOffline(true);
	await page.context().setOffline(false);
	const alert = page.getByRole('complementary', {
		name: 'An event you saved or planned has changed'
	});
	await expect(alert).toBeVisible({ timeout: 20_000 });
	await expect(alert).toContainText('Cancelled');
	await expect(alert).toContainText('Reason: Strong wind on the lake');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Places|Venues/);
	await alert.getByRole('link', { name: title }).click();
	await expect(page).toHaveURL(new RegExp(`/en/events/${event.slug}$`));
	await expect(page.getByText('Strong wind on the lake', { exact: true })).toBeVisible();
});
