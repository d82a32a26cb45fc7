import { expect, expectAccessible, test } from './fixtures';

// The Taibai Tower stands in the old city, away from the district's other places.
const atTaibaiTower = { latitude: 35.4113, longitude: 116.5861 };

test.describe('places to visit', () => {
	test('a visitor filters places by kind and opens the museum', async ({ page }) => {
		await page.goto('/venues');
		await expect(page.getByRole('heading', { level: 1, name: '游览地点' })).toBeVisible();
		const filter = page.getByRole('navigation', { name: '按类型筛选' });
		await filter.getByRole('link', { name: /博物馆/ }).click();
		await expect(page).toHaveURL(/\/venues\?kind=museum$/);
		await expect(filter.getByRole('link', { name: /博物馆/ })).toHaveAttribute(
			'aria-current',
			'page'
		);
		const places = page.getByRole('region', { name: '博物馆' });
		await expect(places.getByRole('link', { name: /济宁市博物馆/ })).toBeVisible();
		await expect(places.getByRole('link', { name: /北湖阁广场/ })).toHaveCount(0);
		// Practical points are listed apart, not among the places to visit.
		await expect(
			page
				.getByRole('region', { name: '便民设施' })
				.getByRole('link', { name: /停车场/ })
				.first()
		).toBeVisible();

		await places.getByRole('link', { name: /济宁市博物馆/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: '济宁市博物馆' })).toBeVisible();
		const state = page.locator('.state');
		await expect(state).toContainText(/正在开放|已关闭/);
		await expect(state).toContainText(/\d{2}:\d{2} (关闭|开放)/);
		await expect(page.getByText('示例数据：坐标为近似值')).toBeVisible();
	});

	test('the museum page shows a week of hours, hand-off links in WGS-84 and a map', async ({
		page
	}) => {
		await page.goto('/venues/jining-museum');
		const week = page.getByRole('table', { name: '未来 7 天开放时间' });
		await expect(week.getByRole('row')).toHaveCount(7);
		await expect(week.getByRole('row').first()).toContainText('今天');
		await expect(week).toContainText(/08:30–1[78]:[03]0/);

		const amap = page.getByRole('link', { name: '高德地图' });
		await expect(amap).toHaveAttribute('href', /uri\.amap\.com.*coordinate=wgs84/);
		await expect(amap).toHaveAttribute('rel', /noopener/);
		await expect(page.getByRole('link', { name: '百度地图' })).toHaveAttribute(
			'href',
			/api\.map\.baidu\.com.*coord_type=wgs84/
		);
		await expect(page.getByRole('link', { name: '苹果地图' })).toHaveAttribute(
			'href',
			/maps\.apple\.com\/\?ll=35\.\d+,116\.\d+/
		);
		await expect(page.getByRole('region', { name: '济宁市博物馆位置地图' })).toBeVisible();
		// The server draws the map; Leaflet waits until the visitor taps it.
		await page.locator('.map-frame').first().scrollIntoViewIfNeeded();
		await expect(page.locator('.static-map .pin')).toHaveCount(1);
		await expect(page.locator('.leaflet-container')).toHaveCount(0);
		await page.getByRole('button', { name: '打开互动地图' }).click();
		await expect(page.locator('.leaflet-marker-icon')).toHaveCount(1);
		await expect(page.getByRole('button', { name: '收藏', exact: true })).toBeEnabled();
	});

	test('the venue page describes the place in JSON-LD as a tourist attraction', async ({
		page
	}) => {
		await page.goto('/en/venues/jining-museum');
		const data = JSON.parse(
			(await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}'
		);
		expect(data['@type']).toContain('TouristAttraction');
		expect(data).toMatchObject({
			name: 'Jining Museum',
			isAccessibleForFree: true,
			publicAccess: true,
			geo: { '@type': 'GeoCoordinates' },
			openingHours: expect.stringContaining('08:30')
		});
		expect(data.url).toMatch(/\/en\/venues\/jining-museum$/);
	});

	test('the same walk works in English', async ({ page }) => {
		await page.goto('/en/venues');
		await expect(page.getByRole('heading', { level: 1, name: 'Places to visit' })).toBeVisible();
		await page
			.getByRole('navigation', { name: 'Filter by kind' })
			.getByRole('link', { name: /Museum/ })
			.click();
		await expect(page).toHaveURL(/\/en\/venues\?kind=museum$/);
		await page
			.getByRole('region', { name: 'Museum' })
			.getByRole('link', { name: /Jining Museum/ })
			.click();
		await expect(page).toHaveURL(/\/en\/venues\/jining-museum$/);
		await expect(page.getByRole('heading', { level: 1, name: 'Jining Museum' })).toBeVisible();
		await expect(page.locator('.state')).toContainText(
			/Open now.*closes at \d{2}:\d{2}|Closed.*opens .*\d{2}:\d{2}/
		);
		const week = page.getByRole('table', { name: 'Opening hours for the next 7 days' });
		await expect(week.getByRole('row')).toHaveCount(7);
		await expect(week.getByRole('row').first()).toContainText('Today');
		await expect(page.getByRole('link', { name: 'Amap' })).toHaveAttribute(
			'href',
			/coordinate=wgs84/
		);
		await expect(page.getByRole('link', { name: 'Baidu Maps' })).toHaveAttribute(
			'href',
			/coord_type=wgs84/
		);
		await expect(page.getByRole('region', { name: 'Map showing Jining Museum' })).toBeVisible();
	});

	test('an unknown place answers not found', async ({ page }) => {
		const response = await page.goto('/venues/no-such-place');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
	});

	for (const lang of ['zh', 'en'] as const) {
		const prefix = lang === 'en' ? '/en' : '';
		test(`the places list and a venue page are accessible (${lang})`, async ({ page }) => {
			await page.goto(`${prefix}/venues`);
			await expectAccessible(page);
			await page.goto(`${prefix}/venues/jining-museum`);
			await page.locator('.map-frame').first().scrollIntoViewIfNeeded();
			await expect(page.locator('.static-map .pin')).toHaveCount(1);
			await expectAccessible(page);
		});
	}
});

test.describe('the map', () => {
	test('a layer can be hidden and shown again, and the list follows', async ({ page }) => {
		await page.goto('/map');
		await expect(page.getByRole('region', { name: '地点、今日活动和便民设施地图' })).toBeVisible();
		const parking = page.getByRole('button', { name: /停车场/ });
		const places = page.getByRole('region', { name: /地图上的地点/ });
		await expect(parking).toHaveAttribute('aria-pressed', 'true');
		await expect(places.getByRole('link', { name: /北湖阁停车场/ })).toBeVisible();
		await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();

		await parking.click();
		await expect(parking).toHaveAttribute('aria-pressed', 'false');
		await expect(places.getByRole('link', { name: /北湖阁停车场/ })).toHaveCount(0);
		await expect(places.getByRole('link', { name: /济宁市博物馆/ })).toBeVisible();

		await parking.click();
		await expect(parking).toHaveAttribute('aria-pressed', 'true');
		await expect(places.getByRole('link', { name: /北湖阁停车场/ })).toBeVisible();
	});

	test('near me sorts the list by distance when location is allowed', async ({ page, context }) => {
		await context.grantPermissions(['geolocation']);
		await context.setGeolocation(atTaibaiTower);
		await page.goto('/en/map');
		const places = page.getByRole('region', { name: /Places shown/ });
		await expect(places.getByRole('listitem').first()).not.toContainText('Taibai Tower');
		await page.getByRole('button', { name: 'Near me' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Sorted by distance' })).toBeVisible();
		await expect(places.getByRole('listitem').first()).toContainText('Taibai Tower');
		await expect(places.getByRole('listitem').first()).toContainText(/\d+ m away/);
		await expect(places.getByRole('listitem').last()).toContainText(/\d+(\.\d)? km away/);
	});

	test('near me says so when location is denied, and the map keeps working', async ({
		page,
		context
	}) => {
		await context.clearPermissions();
		await page.goto('/en/map');
		await page.getByRole('button', { name: 'Near me' }).click();
		await expect(
			page.getByRole('status').filter({ hasText: 'Location access is denied' })
		).toContainText('The map and the list still work');
		await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
		await expect(
			page.getByRole('region', { name: /Places shown/ }).getByRole('listitem')
		).not.toHaveCount(0);
	});

	test('the English map has a layer for each kind of practical point', async ({ page }) => {
		await page.goto('/en/map');
		for (const layer of ['Parking', 'Toilet', 'Visitor centre', 'First aid', 'Museum']) {
			await expect(page.getByRole('button', { name: new RegExp(`^${layer}`) })).toHaveAttribute(
				'aria-pressed',
				'true'
			);
		}
		await expect(
			page.getByRole('region', { name: "Map of places, today's events and practical points" })
		).toBeVisible();
	});

	for (const lang of ['zh', 'en'] as const) {
		test(`the map page is accessible (${lang})`, async ({ page }) => {
			await page.goto(lang === 'en' ? '/en/map' : '/map');
			await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
			await expectAccessible(page);
		});
	}
});

test.describe('the map without a basemap', () => {
	test.use({ tiles: 'fail' });

	test('says the basemap is unavailable and still shows the markers', async ({ page }) => {
		await page.goto('/en/map');
		await expect(page.getByText('The basemap is unavailable right now')).toBeVisible();
		await expect(page.locator('.leaflet-marker-icon').first()).toBeVisible();
		await expect(page.getByText('The basemap is unavailable right now')).toBeVisible();
		await page.goto('/venues/jining-museum');
		await page.locator('.map-frame').scrollIntoViewIfNeeded();
		await expect(page.getByText('底图暂时无法加载')).toBeVisible();
		await expect(page.locator('.static-map .pin')).toHaveCount(1);
	});
});
