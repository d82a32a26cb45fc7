import type { APIRequestContext, Page } from '@playwright/test';
import { demo, loggedIn, serverURL } from './admin-helpers';
import { expect, test } from './fixtures';
import { berlinPhone, shanghaiInstant } from './moment';

test.use(berlinPhone);

interface FeedEvent {
	id: string;
	slug: string;
	start: string;
	title: { zh: string; en?: string };
}

/** Events that are on, one-off and timed, starting at least an hour from now, soonest first. */
async function comingEvents(request: APIRequestContext): Promise<FeedEvent[]> {
	const feed = await (await request.get('/api/v1/content')).json();
	const soon = Date.now() + 3600_000;
	return (feed.events as (FeedEvent & { status: string; rrule?: string; allDay: boolean })[])
		.filter(
			(e) =>
				e.status === 'published' &&
				!e.rrule &&
				!e.allDay &&
				shanghaiInstant(e.start).getTime() > soon
		)
		.sort((a, b) => a.start.localeCompare(b.start));
}

/** Two coming events, the second starting at least an hour after the first. */
async function twoEvents(request: APIRequestContext): Promise<[FeedEvent, FeedEvent]> {
	const [first, ...rest] = await comingEvents(request);
	const hour = 3600_000;
	const second = rest.find(
		(e) => shanghaiInstant(e.start).getTime() >= shanghaiInstant(first.start).getTime() + hour
	);
	if (!second) throw new Error('the sample programme has no two events an hour apart');
	return [first, second];
}

/** The moment 30 minutes (the default lead time) before an event's Shanghai start. */
const reminderAt = (event: FeedEvent) => shanghaiInstant(event.start).getTime() - 30 * 60_000;

/** The notifications the guide's service worker shows now: title, body and where a tap leads. */
function notifications(page: Page) {
	return page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		return (await registration.getNotifications()).map((n) => ({
			title: n.title,
			body: n.body,
			url: (n.data as { url?: string } | null)?.url
		}));
	});
}

/** Opens a page with the page's clock at `time`, once the phone holds the guide and the worker runs. */
async function openWithClock(page: Page, time: number, path: string) {
	await page.clock.install({ time });
	await page.goto(path);
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await expect(page.getByRole('status').filter({ hasText: /Updated|内容更新于/ })).toBeVisible({
		timeout: 30_000
	});
}

async function save(page: Page, event: FeedEvent) {
	await page.goto(`/en/events/${event.slug}`);
	await page.getByRole('button', { name: 'Save', exact: true }).click();
	await expect(page.getByRole('button', { name: 'Saved', exact: true })).toBeVisible();
}

async function turnRemindersOn(page: Page) {
	await page.goto('/en/settings');
	await page
		.getByRole('checkbox', { name: 'Remind me before saved events and planned stops' })
		.check();
	await expect(page.getByText('Reminders are on.')).toBeVisible();
}

test('a visitor turns reminders on and a saved event reminds at its moment in Shanghai time, with its venue and a link to it', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(120_000);
	await context.grantPermissions(['notifications']);
	const [event] = await comingEvents(request);
	await openWithClock(page, reminderAt(event) - 5 * 60_000, '/en');
	await save(page, event);
	await turnRemindersOn(page);
	expect(await notifications(page)).toEqual([]);

	// Just past the moment (the page looks every 20 seconds): on time, not missed.
	await page.clock.fastForward('05:30');
	await expect.poll(() => notifications(page), { timeout: 30_000 }).toHaveLength(1);
	const [shown] = await notifications(page);
	expect(shown.title).toBe(`In 30 minutes: ${event.title.en ?? event.title.zh}`);
	expect(shown.body).toContain(`${event.start.slice(5, 10)} ${event.start.slice(11, 16)}`);
	expect(shown.body).toContain('(Shanghai time) · ');
	expect(shown.url).toBe(`/en/events/${event.slug}`);
});

test('with the phone offline, a reminder still shows; one missed while the app was closed shows at the next start as missed', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(120_000);
	await context.grantPermissions(['notifications']);
	const [first, second] = await twoEvents(request);
	await openWithClock(page, reminderAt(first) - 5 * 60_000, '/en');
	await save(page, first);
	await save(page, second);
	await turnRemindersOn(page);

	await context.setOffline(true);
	await page.clock.fastForward('05:30');
	await expect
		.poll(async () => (await notifications(page)).map((n) => n.title), { timeout: 30_000 })
		.toEqual([`In 30 minutes: ${first.title.en ?? first.title.zh}`]);

	// The app is closed; the second event's moment passes; the visitor opens it again, offline.
	await page.close();
	const later = await context.newPage();
	await later.clock.install({ time: reminderAt(second) + 10 * 60_000 });
	await later.goto('/en');
	await expect
		.poll(async () => (await notifications(later)).map((n) => n.title), { timeout: 30_000 })
		.toContain(`Missed reminder: ${second.title.en ?? second.title.zh}`);
});

test('a saved event the bureau cancels reminds nobody, while another saved event still does', async ({
	page,
	context,
	request
}) => {
	test.setTimeout(120_000);
	await context.grantPermissions(['notifications']);
	const [cancelled, kept] = await twoEvents(request);
	await openWithClock(page, reminderAt(cancelled) - 5 * 60_000, '/en');
	await save(page, cancelled);
	await save(page, kept);
	await turnRemindersOn(page);

	const edit = await request.post(`/api/test/events/${cancelled.slug}`, {
		data: { status: 'cancelled', statusReason: { zh: '湖面大风', en: 'Strong wind' } }
	});
	expect(edit.ok()).toBe(true);
	// The phone learns of it at its next sync (the signal coming back).
	await context.setOffline(true);
	await context.setOffline(false);
	await expect(page.getByRole('complementary').filter({ hasText: 'Strong wind' })).toBeVisible({
		timeout: 30_000
	});

	// Past both moments: only the event still on reminds.
	await page.clock.fastForward(reminderAt(kept) - reminderAt(cancelled) + 5.5 * 60_000);
	await expect
		.poll(async () => (await notifications(page)).map((n) => n.title), { timeout: 30_000 })
		.toEqual([`In 30 minutes: ${kept.title.en ?? kept.title.zh}`]);
});

test('where the visitor refuses notifications, one sentence says so and offers the calendar instead', async ({
	page,
	context
}) => {
	// The browser's prompt, answered "Block".
	await context.addInitScript(() => {
		Notification.requestPermission = async () => 'denied';
	});
	await page.goto('/en/settings');
	const box = page.getByRole('checkbox', {
		name: 'Remind me before saved events and planned stops'
	});
	await box.click();
	await expect(
		page.getByText(
			'Notifications are blocked for this site, so use “Add to calendar” on an event or your plan and your calendar will remind you.'
		)
	).toBeVisible();
	await expect(box).not.toBeChecked();
	await expect(
		page.getByRole('link', { name: 'Add your saved events and plans to your calendar' })
	).toHaveAttribute('href', '/en/plan');
});

test('inside WeChat, reminders are not offered: one sentence points to the calendar instead', async ({
	browser
}) => {
	const context = await browser.newContext({
		...berlinPhone,
		userAgent:
			'Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) WeChat/arm64'
	});
	try {
		const page = await context.newPage();
		await page.goto('/settings');
		await expect(
			page.getByText('此浏览器无法显示提醒，请在活动或行程中点“加入日历”，由日历提醒您。')
		).toBeVisible();
		await expect(
			page.getByRole('checkbox', { name: '在收藏的活动和行程站点开始前提醒我' })
		).toBeDisabled();
		await expect(page.getByRole('link', { name: '把收藏的活动和行程加入日历' })).toBeVisible();
	} finally {
		await context.close();
	}
});

test('a first visit to the home page loads no reminder code', async ({ page }) => {
	const scripts: string[] = [];
	page.on('response', async (response) => {
		if (response.request().resourceType() === 'script') scripts.push(await response.text());
	});
	await page.goto('/en');
	// The offline layer has started (it loads after first paint, when the browser is idle).
	await expect(page.getByRole('status').filter({ hasText: 'Updated' })).toBeVisible({
		timeout: 30_000
	});
	expect(scripts.length).toBeGreaterThan(0);
	// The scheduler's own words: only its chunk carries them.
	expect(scripts.filter((text) => text.includes('Missed reminder'))).toEqual([]);
});

test('an emergency notice from the bureau raises a notification once reminders are on, and an ordinary one does not', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await context.grantPermissions(['notifications']);
	await page.goto('/en');
	await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 30_000
	});
	await turnRemindersOn(page);
	const shanghaiIn = (minutes: number) =>
		new Date(Date.now() + minutes * 60_000 + 8 * 3600_000).toISOString().slice(0, 16);
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const post = async (severity: string, en: string) => {
		const response = await http.post('/admin/notices/new', {
			form: {
				slug: '',
				status: 'published',
				scope: '',
				severity,
				'message.zh': en,
				'message.en': en,
				start: shanghaiIn(-5),
				end: shanghaiIn(60)
			}
		});
		expect(response.status()).toBe(303);
		return /\/admin\/notices\/([^?]+)/.exec(response.headers().location)![1];
	};
	const ids = [
		await post('info', 'Lantern show tonight'),
		await post('emergency', 'Boat tours suspended: strong wind')
	];
	try {
		// The phone learns of them at its next sync (the signal coming back).
		await context.setOffline(true);
		await context.setOffline(false);
		await expect
			.poll(() => notifications(page), { timeout: 45_000 })
			.toEqual([
				{ title: 'Emergency notice', body: 'Boat tours suspended: strong wind', url: '/en' }
			]);
	} finally {
		for (const id of ids) {
			const form = await http.get(`/admin/notices/${id}`);
			const version = /name="version" value="(\d+)"/.exec(await form.text())![1];
			await http.post(`/admin/notices/${id}?/delete`, { form: { confirm: 'yes', version } });
		}
	}
});
