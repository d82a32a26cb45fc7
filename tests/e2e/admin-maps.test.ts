import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { createAccount, openConsole } from './admin-helpers';

/** Venue pins, tour maps and phone previews in the console, with a mouse and with the keyboard. */
const editor = { email: 'sun@bureau.example', password: 'map editor 2026' };
const mark = () => Date.now().toString(36).slice(-5);

test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, '编辑小孙'));

async function drag(page: Page, target: Locator, dx: number, dy: number) {
	// A stop added above the map pushes it down the page: bring the marker on screen first.
	await target.scrollIntoViewIfNeeded();
	const box = (await target.boundingBox())!;
	const x = box.x + box.width / 2;
	const y = box.y + box.height / 2;
	await page.mouse.move(x, y);
	await page.mouse.down();
	await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
	await page.mouse.move(x + dx, y + dy, { steps: 5 });
	await page.mouse.up();
}

const numberIn = async (input: Locator) => Number(await input.inputValue());

/** Checks the phone preview of the record whose edit page is open, in Chinese then English. */
async function expectPreview(page: Page, names: { zh: string; en: string }) {
	await page.getByRole('link', { name: /预览（手机视图）/ }).click();
	await expect(page.getByRole('note')).toContainText('这是草稿，访客还看不到。');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(names.zh);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await page.getByRole('link', { name: 'English', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(names.en);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// The frame is phone-sized whatever the editor's screen.
	expect((await page.locator('.phone').boundingBox())!.width).toBeLessThanOrEqual(390);
}

test('an editor places a new venue by dragging its pin, clicking the map or typing, and previews the draft in both languages', async ({
	browser
}) => {
	const page = await openConsole(browser, editor);
	await page.goto('/admin/venues/new');
	await page.locator('.pin-map').scrollIntoViewIfNeeded();
	await expect(page.locator('.pin-map[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
	const lat = page.locator('[id="position.lat"]');
	const lon = page.locator('[id="position.lon"]');
	const pin = page.getByRole('button', { name: '场馆位置（拖动以移动）' });
	await expect(lat).toHaveValue('');

	// Dragging the pin to the right and up writes an eastern, northern position into the fields.
	await pin.scrollIntoViewIfNeeded();
	await drag(page, pin, 120, -60);
	await expect(lon).not.toHaveValue('');
	const dragged = { lat: await numberIn(lat), lon: await numberIn(lon) };
	expect(dragged.lon).toBeGreaterThan(116.61);
	expect(dragged.lat).toBeGreaterThan(35.35);

	// A click on the map puts the pin there.
	const map = page.locator('.pin-map .leaflet-container');
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width * 0.25, y: box.height * 0.75 } });
	await expect.poll(() => numberIn(lon)).toBeLessThan(dragged.lon);
	expect(await numberIn(lat)).toBeLessThan(dragged.lat);

	// Typing moves the pin: the keyboard way to the same result.
	const before = (await pin.boundingBox())!;
	await lat.fill(String((dragged.lat + 0.004).toFixed(6)));
	await lon.fill(String((dragged.lon - 0.003).toFixed(6)));
	await expect.poll(async () => (await pin.boundingBox())!.y).toBeLessThan(before.y - 20);

	const id = mark();
	const names = { zh: `湖心观景台${id}`, en: `Lake View Deck ${id}` };
	await page.locator('[id="name.zh"]').fill(names.zh);
	await page.locator('[id="name.en"]').fill(names.en);
	await page.locator('[id="summary.zh"]').fill('看湖的好地方。');
	await page.locator('[id="description.zh"]').fill('木栈道尽头的观景台。');
	await page.locator('[id="address.zh"]').fill('太白湖北岸');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	await expect(lat).toHaveValue(String((dragged.lat + 0.004).toFixed(6)).replace(/0+$/, ''));
	await expect(lon).toHaveValue(String((dragged.lon - 0.003).toFixed(6)).replace(/0+$/, ''));

	await expectPreview(page, names);
	await page.context().close();
});

test('an editor builds a tour on the map: a venue stop, a free stop dropped and reordered, a path drawn, dragged and trimmed, with its distance', async ({
	browser
}) => {
	test.setTimeout(60_000);
	const page = await openConsole(browser, editor);
	await page.goto('/admin/tours/new');
	// Leaflet loads when the map comes near the screen.
	await page.locator('.tour-map').scrollIntoViewIfNeeded();
	await expect(page.locator('.tour-map[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
	await page.locator('[id="stops.0.venueId"]').selectOption({ index: 1 });
	await page.locator('[id="stops.1.venueId"]').selectOption({ index: 2 });
	const stops = page.locator('ol.stops > li');
	await expect(stops).toHaveCount(2);

	// A click on the map adds a free stop there, named to start with.
	const map = page.locator('.tour-map .leaflet-container');
	await map.scrollIntoViewIfNeeded();
	const box = (await map.boundingBox())!;
	await map.click({ position: { x: box.width * 0.3, y: box.height * 0.7 } });
	await expect(stops).toHaveCount(3);
	await expect(page.locator('[id="stops.2.kind"]')).toHaveValue('point');
	await expect(page.locator('[id="stops.2.point.name.zh"]')).toHaveValue('地点 3');
	const clicked = await page.locator('[id="stops.2.point.position.lat"]').inputValue();
	expect(Number(clicked)).toBeGreaterThan(35);
	// A free stop can be dragged; its fields follow (further down the map is further south).
	await drag(page, page.getByRole('button', { name: '第 3 站 地点 3' }), -40, 50);
	await expect
		.poll(async () => Number(await page.locator('[id="stops.2.point.position.lat"]').inputValue()))
		.toBeLessThan(Number(clicked));
	const dropped = await page.locator('[id="stops.2.point.position.lat"]').inputValue();

	// Reordering with the buttons (the keyboard way) renumbers the stops on the map too.
	await stops.nth(2).getByRole('button', { name: /上移/ }).click();
	await expect(page.locator('[id="stops.1.point.position.lat"]')).toHaveValue(dropped);
	await expect(page.getByRole('button', { name: '第 2 站 地点 3' })).toHaveCount(1);

	// The path: straight through the stops, then one more point clicked on the map.
	const summary = page.locator('#path-summary');
	await page.getByRole('button', { name: '按站点顺序重画为直线' }).click();
	await expect(summary).toContainText('3 个点');
	await page.getByLabel('添加路径点').check();
	await map.click({ position: { x: box.width * 0.8, y: box.height * 0.3 } });
	await expect(summary).toContainText('4 个点');
	const distance = async () => Number(/约 ([\d.]+)/.exec((await summary.textContent()) ?? '')![1]);
	const drawn = await distance();

	// Dragging the last point further away makes the tour longer; right-clicking removes it.
	const last = page.getByRole('button', { name: '路径点 4' });
	await drag(page, last, 80, -40);
	await expect.poll(distance).toBeGreaterThan(drawn);
	await page.getByRole('button', { name: '路径点 4' }).click({ button: 'right' });
	await expect(summary).toContainText('3 个点');
	await expect(page.locator('.path-vertex')).toHaveCount(3);

	const id = mark();
	const names = { zh: `湖岸漫步${id}`, en: `Shore Stroll ${id}` };
	for (const [field, zh] of [
		['name', names.zh],
		['theme', '湖岸'],
		['summary', '沿湖走一圈。'],
		['description', '从场馆到湖边。']
	]) {
		await page.locator(`[id="${field}.zh"]`).fill(zh);
	}
	await page.locator('[id="name.en"]').fill(names.en);
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	// What was drawn is what was saved.
	await expect(page.locator('#path-summary')).toContainText('3 个点');
	await expect(page.locator('[id="stops.1.point.position.lat"]')).toHaveValue(dropped);

	await expectPreview(page, names);
	await page.context().close();
});

test('an editor previews a draft festival on a phone in both languages before publishing', async ({
	browser
}) => {
	const page = await openConsole(browser, editor);
	await page.goto('/admin/festivals/new');
	await page.waitForLoadState('networkidle');
	const id = mark();
	const names = { zh: `湖畔风筝节${id}`, en: `Lakeside Kite Days ${id}` };
	await page.locator('[id="name.zh"]').fill(names.zh);
	await page.locator('[id="name.en"]').fill(names.en);
	await page.locator('[id="summary.zh"]').fill('在湖边放风筝。');
	await page.locator('[id="description.zh"]').fill('三天的风筝表演和工作坊。');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	await expectPreview(page, names);
	// Visitors still cannot see it.
	const slug = `lakeside-kite-days-${id}`;
	expect((await page.request.get(`/en/festivals/${slug}`)).status()).toBe(404);
	await page.context().close();
});

test('an editor sees each stop’s walk-up radius as a circle on the tour map and changes it by its field or by dragging its handle', async ({
	browser
}) => {
	const page = await openConsole(browser, editor);
	await page.goto('/admin/tours/tour_canaloldtown');
	await page.locator('.tour-map').scrollIntoViewIfNeeded();
	await expect(page.locator('.tour-map[data-ready="true"]')).toBeAttached({ timeout: 15_000 });
	const circles = page.locator('.tour-map path.stop-radius');
	await expect(circles).toHaveCount(await page.locator('ol.stops > li').count());
	// Against the second stop's circle (40 m), drawn at the same zoom: the map may still be
	// settling on its view, which changes every circle's width on screen but not their ratio.
	const ratio = async () =>
		(await circles.nth(0).boundingBox())!.width / (await circles.nth(1).boundingBox())!.width;
	await expect(page.locator('[id="stops.1.radiusM"]')).toHaveValue('40');

	// Typed into the stop's field, the circle follows: twice the radius, twice as wide.
	const field = page.locator('[id="stops.0.radiusM"]');
	await expect(field).toHaveValue('40');
	await expect.poll(ratio).toBeCloseTo(1, 1);
	await field.fill('80');
	await expect.poll(ratio).toBeGreaterThan(1.8);
	await expect(page.getByRole('button', { name: /第 1 站的到达半径：80 米/ })).toHaveCount(1);

	// Dragged outwards, the handle writes the larger radius back into the field.
	await drag(page, page.getByRole('button', { name: /第 1 站的到达半径/ }), 30, 0);
	await expect.poll(() => numberIn(field)).toBeGreaterThan(80);
	await page.context().close();
});
