import { expect, type BrowserContext, type Page } from '@playwright/test';

/** A place a walk-up test walks to: a tour stop as the tour view gives it. */
export interface StopPlace {
	position: { lat: number; lon: number };
}

/**
 * One position fix, seen by the page: Chromium hands a watch only the latest position when two
 * arrive before it asks again, so the test watches too (registered before the fix is set) and
 * waits until the page has this one; every watch of the page is answered in the same turn.
 */
export async function fix(
	page: Page,
	context: BrowserContext,
	latitude: number,
	longitude: number
) {
	await page.evaluate(
		([lat, lon]) => {
			(window as unknown as { fixSeen: Promise<void> }).fixSeen = new Promise((resolve) => {
				const id = navigator.geolocation.watchPosition(({ coords }) => {
					if (Math.abs(coords.latitude - lat) > 1e-9 || Math.abs(coords.longitude - lon) > 1e-9)
						return;
					navigator.geolocation.clearWatch(id);
					resolve();
				});
			});
		},
		[latitude, longitude]
	);
	await context.setGeolocation({ latitude, longitude, accuracy: 5 });
	await page.evaluate(() => (window as unknown as { fixSeen: Promise<void> }).fixSeen);
}

/** Two fixes near a stop (the walk-up rule wants two): `metres` north of it, then half that. */
export async function walkTo(page: Page, context: BrowserContext, stop: StopPlace, metres = 8) {
	for (const m of [metres, metres / 2]) {
		await fix(page, context, stop.position.lat + m / 111_195, stop.position.lon);
	}
}

/**
 * Opens the Chinese page of the tour 2 km south of `stop`, far from every stop, with location
 * allowed, and starts the walk.
 */
export async function startWalkAwayFrom(
	page: Page,
	context: BrowserContext,
	slug: string,
	stop: StopPlace
) {
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({
		latitude: stop.position.lat - 0.018,
		longitude: stop.position.lon
	});
	await page.goto(`/tours/${slug}`);
	await page.getByRole('button', { name: '开始游览' }).click();
	await expect(page.getByText(/距您/)).toBeVisible();
}
