import { expect, expectAccessible, test } from './fixtures';
import type { Page } from '@playwright/test';

/** About 130 m south of Taibai Tower, the first stop of the canal walk. */
const nearTaibaiTower = { latitude: 35.41, longitude: 116.5862 };

/** The map as the server draws it: the numbered stops in order and the tour's path. */
async function mapDrawn(page: Page, stops: number) {
	const drawn = page.locator('.static-map');
	await drawn.scrollIntoViewIfNeeded();
	const numbers = Array.from({ length: stops }, (_, i) => String(i + 1));
	await expect(drawn.locator('.pin')).toHaveText(numbers);
	await expect(drawn.locator('polyline').first()).toBeAttached();
}

test('the tours page lists featured tours first and opens a tour', async ({ page }) => {
	await page.goto('/tours');
	await expect(page.getByRole('heading', { level: 1, name: '游览线路' })).toBeVisible();
	const headings = page.getByRole('heading', { level: 2 });
	await expect(headings).toHaveText(['推荐线路', '更多线路']);
	const featured = page.getByRole('region', { name: '推荐线路' });
	await expect(featured.getByRole('link')).toHaveCount(3);
	await expect(featured.getByRole('link').first()).toContainText('运河与诗人');
	await expect(featured.getByRole('link').first()).toContainText('步行');
	await expect(featured.getByRole('link').first()).toContainText(/公里|米/);
	await expect(featured.getByRole('link').first()).toContainText('小时');
	await expectAccessible(page);

	await page.getByRole('link', { name: /运河老城文化步行/ }).click();
	await expect(page).toHaveURL(/\/tours\/canal-and-old-town-walk$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('运河老城文化步行');
});

test('a tour shows its numbered stops on the map, the drawn path and the stop list', async ({
	page
}) => {
	await page.goto('/tours/canal-and-old-town-walk');
	await mapDrawn(page, 4);
	// A tap swaps in the interactive map, with the same stops, and puts the visitor in it.
	await page.getByRole('button', { name: '打开互动地图' }).click();
	await expect(page.locator('.leaflet-marker-icon')).toHaveText(['1', '2', '3', '4']);
	await expect(page.locator('.leaflet-overlay-pane path').first()).toBeAttached();
	await expect(page.locator('.static-map')).toHaveCount(0);
	await expect(page.getByRole('region', { name: /运河老城文化步行/ })).toBeFocused();
	const stops = page.getByRole('region', { name: '站点' }).getByRole('listitem');
	await expect(stops).toHaveCount(4);
	await expect(stops.first()).toContainText('起点');
	await expect(stops.first()).toContainText('建议停留：1 小时');
	await expect(stops.first()).toContainText('周一闭馆。');
	await expect(stops.nth(1)).toContainText(/距上一站 \d+ 米/);
	await expect(stops.first().getByRole('link', { name: '太白楼' })).toHaveAttribute(
		'href',
		'/venues/taibai-tower'
	);
	await expect(stops.nth(3)).toContainText('古运河观景点');
	await expect(stops.nth(3).getByRole('link')).toHaveCount(0);

	const ld = JSON.parse(
		(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
	);
	expect(ld['@type']).toBe('TouristTrip');
	expect(ld.itinerary.itemListElement).toHaveLength(4);
	await expectAccessible(page);
});

test('starting the tour shows the next stop and its distance, and ticks survive a reload', async ({
	page,
	context
}) => {
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation(nearTaibaiTower);
	await page.goto('/tours/canal-and-old-town-walk');
	await mapDrawn(page, 4);
	await page.getByRole('button', { name: '开始游览' }).click();

	const panel = page.getByRole('region', { name: '开始游览' });
	await expect(panel.getByRole('status')).toContainText('下一站');
	await expect(panel.getByRole('status')).toContainText('太白楼');
	await expect(panel).toContainText(/距您 1\d\d 米/);
	await expect(page.locator('.leaflet-marker-icon.pin-active')).toHaveText('1');
	await expectAccessible(page);

	await page.getByRole('checkbox', { name: '已到达第 1 站：太白楼' }).check();
	await expect(panel.getByRole('status')).toContainText('济宁东大寺');
	await expect(panel).toContainText(/距您 \d{3} 米/);
	await expect(page.locator('.leaflet-marker-icon.pin-active')).toHaveText('2');
	await expect(panel).toContainText('已到达 1/4 站');

	await page.getByRole('button', { name: '停止导览' }).click();
	await expect(page.getByRole('button', { name: '开始游览' })).toBeVisible();
	await expect(page.locator('.leaflet-marker-icon.pin-active')).toHaveCount(0);

	await page.reload();
	await expect(page.getByRole('checkbox', { name: '已到达第 1 站：太白楼' })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /已到达第 2 站/ })).not.toBeChecked();
	await expect(page.getByText('已到达 1/4 站')).toBeVisible();
});

test('without location permission the tour says so and stops can still be ticked', async ({
	page
}) => {
	await page.goto('/tours/canal-and-old-town-walk');
	await page.getByRole('button', { name: '开始游览' }).click();
	const panel = page.getByRole('region', { name: '开始游览' });
	await expect(panel.getByRole('status')).toContainText('未获得定位权限');
	await expect(panel).not.toContainText('距您');
	await page.getByRole('checkbox', { name: '已到达第 1 站：太白楼' }).check();
	await expect(panel.getByRole('status')).toContainText('济宁东大寺');
});

test('in English, a tour is followed to the end and can be walked again', async ({
	page,
	context
}) => {
	await context.grantPermissions(['geolocation']);
	await context.setGeolocation({ latitude: 35.344, longitude: 116.5862 });
	await page.goto('/en/tours');
	await expect(page.getByRole('heading', { level: 1, name: 'Tours' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 2 })).toHaveText([
		'Featured tours',
		'More tours'
	]);
	await expectAccessible(page);

	await page.getByRole('link', { name: /Lake Day by Bike and Boat/ }).click();
	await expect(page).toHaveURL(/\/en\/tours\/lake-day-by-bike-and-boat$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lake Day by Bike and Boat');
	await expect(page.getByText('Bike · Boat')).toBeVisible();
	await mapDrawn(page, 5);
	await expect(
		page.getByRole('listitem').filter({ hasText: 'Beihu Pavilion Square' }).getByRole('link')
	).toHaveAttribute('href', '/en/venues/beihu-pavilion-square');
	await expectAccessible(page);

	await page.getByRole('button', { name: 'Start this tour' }).click();
	const panel = page.getByRole('region', { name: 'Start this tour' });
	await expect(panel.getByRole('status')).toContainText('Next stop');
	await expect(panel.getByRole('status')).toContainText('Beihu Pavilion Square');
	await expect(panel).toContainText(/\d+ m from you/);

	const boxes = page.getByRole('checkbox', { name: /^Visited stop \d: / });
	await expect(boxes).toHaveCount(5);
	await page.getByRole('checkbox', { name: 'Visited stop 1: Beihu Pavilion Square' }).check();
	await expect(panel.getByRole('status')).toContainText('Lakeside Park');
	for (let i = 1; i < 5; i++) await boxes.nth(i).check();
	await expect(panel.getByRole('status')).toContainText('You have visited every stop');
	await expect(panel).not.toContainText('Next stop');
	await expectAccessible(page);

	await panel.getByRole('button', { name: 'Clear ticks' }).click();
	await expect(boxes.first()).not.toBeChecked();
	await expect(page.getByRole('button', { name: 'Start this tour' })).toBeVisible();
});

test('an unknown tour answers 404', async ({ page }) => {
	const response = await page.goto('/en/tours/no-such-tour');
	expect(response?.status()).toBe(404);
});
