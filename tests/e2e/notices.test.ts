import type { APIRequestContext, Page } from '@playwright/test';
import { demo, loggedIn, openConsole, serverURL } from './admin-helpers';
import { expect, test } from './fixtures';
import { berlinPhone } from './moment';

test.use(berlinPhone);

/** Shanghai wall-clock time `minutes` from now, as a datetime-local input takes it. */
function shanghaiIn(minutes: number): string {
	return new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
}

/** First visit with a network: the worker controls the page and the mirror is filled. */
async function visitOnline(page: Page, path: string) {
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
		timeout: 30_000
	});
}

/** What the browser does when the signal comes back: the phone syncs (the schedule is unchanged). */
async function reconnect(page: Page) {
	await page.context().setOffline(true);
	await page.context().setOffline(false);
}

const banner = (page: Page) => page.getByRole('region', { name: 'Notices from the district' });

/** Posts the console's notice form, as the browser would; answers the new notice's id. */
async function postNotice(http: APIRequestContext, fields: Record<string, string>) {
	const response = await http.post('/admin/notices/new', {
		form: { slug: '', status: 'published', scope: '', ...fields }
	});
	expect(response.status()).toBe(303);
	return /\/admin\/notices\/([^?]+)/.exec(response.headers().location)![1];
}

/** Deletes a notice through the console, so later tests see no banner. */
async function deleteNotice(http: APIRequestContext, id: string) {
	const page = await http.get(`/admin/notices/${id}`);
	const version = /name="version" value="(\d+)"/.exec(await page.text())![1];
	const response = await http.post(`/admin/notices/${id}?/delete`, {
		form: { confirm: 'yes', version }
	});
	expect(response.status()).toBe(303);
}

test('an editor posts a notice; an open page shows it after a sync, offline after a reload, until it ends', async ({
	page,
	browser
}) => {
	test.setTimeout(150_000);
	await page.clock.install();
	await visitOnline(page, '/en/venues');
	await expect(banner(page)).toHaveCount(0);

	const console = await openConsole(browser, demo);
	await console.goto('/admin/notices/new');
	await console.waitForLoadState('networkidle');
	await console.locator('#severity').selectOption('warning');
	await console.locator('[name="message.zh"]').fill('游船暂停：风力过大');
	await console.locator('[name="message.en"]').fill('Boat tours suspended: strong wind');
	await console.locator('#start').fill(shanghaiIn(-10));
	await console.locator('#end').fill(shanghaiIn(60));
	await console.locator('#status').selectOption('published');
	await console.getByRole('button', { name: '创建' }).click();
	await expect(console).toHaveURL(/\/admin\/notices\/not_[A-Za-z0-9]+\?created=1$/);
	const id = /notices\/([^?]+)/.exec(console.url())![1];
	try {
		await expect(console.getByRole('heading', { level: 1 })).toHaveText('游船暂停：风力过大');
		// Audited like every record: the history beside the form has its creation.
		await expect(console.locator('.history')).toContainText('新建 v1');

		await reconnect(page);
		await expect(banner(page)).toContainText('Boat tours suspended: strong wind', {
			timeout: 20_000
		});
		await expect(banner(page)).toContainText('Warning:');

		await page.context().setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(banner(page)).toContainText('Boat tours suspended: strong wind');

		// An hour and a bit later the notice has ended: the open page drops it by its own clock.
		await page.clock.fastForward('01:05:00');
		await expect(banner(page)).toHaveCount(0);
	} finally {
		await page.context().setOffline(false);
		await deleteNotice(await loggedIn(serverURL, demo.email, demo.password), id);
		await console.context().close();
	}
});

test('a scoped emergency shows only on its pages and cannot be dismissed; a dismissed notice stays away', async ({
	page,
	request
}) => {
	test.setTimeout(120_000);
	const feed = await (await request.get('/api/v1/content')).json();
	const tour = feed.tours.find((t: { stops: { venueId?: string }[] }) =>
		t.stops.some((s) => s.venueId)
	) as { id: string; slug: string; stops: { venueId?: string }[] };
	const venue = feed.venues.find(
		(v: { id: string }) => v.id === tour.stops.find((s) => s.venueId)!.venueId
	) as { slug: string };
	const other = feed.venues.find(
		(v: { id: string }) => !tour.stops.some((s) => s.venueId === v.id)
	) as { slug: string };

	const http = await loggedIn(serverURL, demo.email, demo.password);
	await visitOnline(page, `/en/tours/${tour.slug}`);
	const ids = [
		await postNotice(http, {
			severity: 'emergency',
			'message.zh': '线路封闭',
			'message.en': 'Route closed: flooding',
			start: shanghaiIn(-5),
			end: shanghaiIn(120),
			scope: `tours:${tour.id}`
		}),
		await postNotice(http, {
			severity: 'info',
			'message.zh': '今晚有灯会',
			'message.en': 'Lantern show tonight',
			start: shanghaiIn(-5),
			end: shanghaiIn(120)
		})
	];
	try {
		await reconnect(page);
		const emergency = page.getByRole('alert').filter({ hasText: 'Route closed: flooding' });
		await expect(emergency).toBeVisible({ timeout: 20_000 });
		await expect(emergency.getByRole('button')).toHaveCount(0);
		await expect(banner(page)).toContainText('Lantern show tonight');

		// A venue the tour stops at shares its notices; a venue elsewhere does not.
		await page.goto(`/en/venues/${venue.slug}`);
		await expect(emergency).toBeVisible();
		await page.goto(`/en/venues/${other.slug}`);
		await expect(banner(page)).toContainText('Lantern show tonight');
		await expect(emergency).toHaveCount(0);

		await banner(page).getByRole('button', { name: 'Dismiss this notice' }).click();
		await expect(banner(page)).toHaveCount(0);
		await page.reload();
		await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
			timeout: 30_000
		});
		await expect(banner(page)).toHaveCount(0);
		await page.goto(`/en/tours/${tour.slug}`);
		await expect(emergency).toBeVisible();
		await expect(page.getByText('Lantern show tonight')).toHaveCount(0);
	} finally {
		for (const id of ids) await deleteNotice(http, id);
	}
});
