import type { APIRequestContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { spokenSoFar, stubSpeech } from './speech-stub';
import { startWalkAwayFrom, walkTo } from './walk-steps';

/**
 * The audio guide's walk-up start on a real tour page: the visitor starts the walk with location
 * allowed, and each stop's narration starts when they reach it (read by the device's voice here:
 * these stops have no recording), once per walk, or is offered when they chose to be asked.
 */
const slug = 'canal-and-old-town-walk';

interface Stop {
	index: number;
	name: string;
	position: { lat: number; lon: number };
	radiusM: number;
	narration: { text: string; recording?: unknown };
}

async function tourStops(request: APIRequestContext, lang = 'zh') {
	const view = await (await request.get(`/api/v1/views/tour?lang=${lang}&slug=${slug}`)).json();
	return { name: view.tour.name as string, stops: view.stops as Stop[] };
}

const openStops = (page: Page) =>
	page
		.locator('.stop details.narration')
		.evaluateAll((all) =>
			all.map((d, i) => ((d as HTMLDetailsElement).open ? i : -1)).filter((i) => i >= 0)
		);

test('on a tour walk, reaching a stop starts its narration once, and the next stop starts when the visitor walks on', async ({
	page,
	context,
	request
}) => {
	const tour = await tourStops(request);
	const [first, second, third] = tour.stops;
	expect(tour.stops.slice(0, 3).every((s) => !s.narration.recording)).toBe(true);
	await stubSpeech(page, [{ lang: 'zh-CN', name: 'Mandarin' }]);
	// Far from every stop (2 km south of the first) when the walk starts.
	await startWalkAwayFrom(page, context, slug, first);
	expect(await spokenSoFar(page)).toEqual([]);

	await walkTo(page, context, first);
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);
	expect(first.narration.text.startsWith((await spokenSoFar(page))[0].text)).toBe(true);
	expect(await openStops(page)).toEqual([0]);
	// The lock screen names the stop and its tour (Media Session).
	expect(
		await page.evaluate(() => ({
			title: navigator.mediaSession.metadata?.title,
			album: navigator.mediaSession.metadata?.album
		}))
	).toEqual({ title: first.name, album: tour.name });

	await walkTo(page, context, second);
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(2);
	expect(second.narration.text.startsWith((await spokenSoFar(page))[1].text)).toBe(true);
	expect(await page.evaluate(() => navigator.mediaSession.metadata?.title)).toBe(second.name);

	// Back at the first stop, and standing about there: it does not start again. The third stop,
	// reached after, does: so every fix before it was seen.
	await walkTo(page, context, first);
	await walkTo(page, context, first, 4);
	await walkTo(page, context, third);
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(3);
	expect(third.narration.text.startsWith((await spokenSoFar(page))[2].text)).toBe(true);
	expect(
		(await spokenSoFar(page)).filter((s) => first.narration.text.startsWith(s.text))
	).toHaveLength(1);
});

test('a reload mid-walk carries the walk on: the stop already heard does not start again, and only starting the walk anew replays it', async ({
	page,
	context,
	request
}) => {
	const { stops } = await tourStops(request);
	const [first, second] = stops;
	await stubSpeech(page, [{ lang: 'zh-CN', name: 'Mandarin' }]);
	await startWalkAwayFrom(page, context, slug, first);
	await walkTo(page, context, first);
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);

	// The page reloads (the stub's record starts empty): the walk goes on by itself, GPS and all.
	await page.reload();
	await expect(page.getByRole('button', { name: '停止导览' })).toBeVisible();
	await expect(page.locator('.walk .distance')).toBeVisible();
	await walkTo(page, context, first);
	await walkTo(page, context, first, 4);
	await walkTo(page, context, second);
	// The second stop starts, so every fix at the first was seen, and the first stayed silent.
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);
	expect(second.narration.text.startsWith((await spokenSoFar(page))[0].text)).toBe(true);

	// Ending the walk and starting it again is a new walk: the first stop plays again.
	await page.getByRole('button', { name: '停止导览' }).click();
	await page.getByRole('button', { name: '开始游览' }).click();
	await walkTo(page, context, first, 6);
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(2);
	expect(first.narration.text.startsWith((await spokenSoFar(page))[1].text)).toBe(true);
});

test('a visitor who chose to be asked is offered the narration at the stop and hears it on Listen', async ({
	page,
	context,
	request
}) => {
	const { stops } = await tourStops(request);
	await stubSpeech(page, [{ lang: 'en-US', name: 'English' }]);
	await page.goto('/en/settings');
	await page.getByRole('radio', { name: 'Ask me first' }).check();
	await expect(page.getByText('Saved.')).toBeVisible();
	await page.reload();
	await expect(page.getByRole('radio', { name: 'Ask me first' })).toBeChecked();

	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({
		latitude: stops[0].position.lat - 0.018,
		longitude: stops[0].position.lon
	});
	await page.goto(`/en/tours/${slug}`);
	await page.getByRole('button', { name: 'Start this tour' }).click();
	await walkTo(page, context, stops[1]);
	const offer = page.getByRole('alert').filter({ hasText: /Listen to its narration/ });
	await expect(offer).toContainText(
		`You have reached ${(await tourStops(request, 'en')).stops[1].name}`
	);
	expect(await spokenSoFar(page)).toEqual([]);
	await offer.getByRole('button', { name: 'Listen' }).click();
	await expect.poll(async () => (await spokenSoFar(page)).length).toBe(1);
	await expect(offer).toHaveCount(0);
	expect(await openStops(page)).toEqual([1]);
});

test('without location permission nothing starts by itself', async ({ page, context, request }) => {
	const { stops } = await tourStops(request);
	await stubSpeech(page, [{ lang: 'zh-CN', name: 'Mandarin' }]);
	await context.clearPermissions();
	await context.setGeolocation({
		latitude: stops[0].position.lat,
		longitude: stops[0].position.lon
	});
	await page.goto(`/tours/${slug}`);
	await page.getByRole('button', { name: '开始游览' }).click();
	await expect(page.getByText(/未获得定位权限/)).toBeVisible();
	// The page cannot read a position (that is the point), so the fixes are only set.
	for (const m of [8, 4]) {
		await context.setGeolocation({
			latitude: stops[0].position.lat + m / 111_195,
			longitude: stops[0].position.lon
		});
	}
	await expect(page.getByRole('button', { name: '停止导览' })).toBeVisible();
	expect(await spokenSoFar(page)).toEqual([]);
	expect(await openStops(page)).toEqual([]);
});
