import { expect, test } from './fixtures';

/**
 * The guide inside each app's built-in browser that visitors in China open links in, as those
 * apps run on an iPhone: no service worker at all. Every kind of page works and nothing throws,
 * and the install help says where that app keeps "open in browser".
 */
const agents = {
	wechat: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800322c) NetType/WIFI Language/zh_CN',
		'在Safari中打开',
		'微信'
	],
	qq: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 QQ/9.0.60.612 V1_IPH_SQ_9.0.60_1_APP_A Pixel/1170 Core/WKWebView Device/Apple(iPhone 13) NetType/WIFI QBWebViewType/1 WKType/1',
		'在浏览器打开',
		'QQ'
	],
	weibo: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,5__weibo__13.11.1__iphone__os17.1)',
		'用浏览器打开',
		'微博'
	],
	douyin: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_2 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 aweme_29.5.0 JsSdk/2.0 NetType/WIFI Channel/App Store ByteLocale/zh Region/CN AppTheme/light',
		'在浏览器中打开',
		'抖音'
	],
	alipay: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 ChannelId(2) Ariver/1.1.0 AliApp(AP/10.5.36.6000) Nebula WK RVKType(0) AlipayDefined(nt:WIFI,ws:390|844|3.0) AlipayClient/10.5.36.6000 Language/zh-Hans Region/CN',
		'在浏览器中打开',
		'支付宝'
	],
	dingtalk: [
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.5.10) com.laiwang.DingTalk/31234567 Channel/201200 language/zh-Hans-CN UT4Aplus/0.0.6 WK',
		'在浏览器打开',
		'钉钉'
	]
} as const;

for (const [name, [userAgent, item, app]] of Object.entries(agents)) {
	test.describe(`inside ${name} on an iPhone`, () => {
		test.use({ userAgent, serviceWorkers: 'block', viewport: { width: 390, height: 844 } });

		test('every kind of page opens without an error, add to calendar offers an address, and the install help shows the way out', async ({
			page,
			request
		}) => {
			await page.addInitScript(() => {
				Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });
			});
			const errors: string[] = [];
			page.on('pageerror', (error) => errors.push(error.message));
			const feed = await (await request.get('/api/v1/content')).json();
			for (const path of [
				'/',
				`/events/${feed.events[0].slug}`,
				`/tours/${feed.tours[0].slug}`,
				'/plan',
				'/map'
			]) {
				await page.goto(path);
				await page.waitForSelector('html[data-ready]');
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			}
			// The app would block a calendar file: the event offers the calendar's address instead.
			const event = feed.events.find((e: { status: string }) => e.status === 'published');
			page.on('download', () => errors.push('a download was started where it is blocked'));
			await page.goto(`/events/${event.slug}`);
			await page.waitForSelector('html[data-ready]');
			await page.getByRole('button', { name: '加入日历' }).click();
			await expect(page.locator('.calendar-address input')).toHaveValue(
				new RegExp(`/api/v1/events\\.ics\\?event=${event.slug}`)
			);
			await page.goto('/');
			const hint = page.getByRole('complementary', { name: '在手机浏览器中打开，离线也能用' });
			await expect(hint).toContainText(`在${app}中，点右上角的 ···，再选择“${item}”`);
			await expect(hint.getByRole('img')).toHaveAccessibleName(new RegExp(item));
			await page.goto('/info');
			await expect(page.getByText(`您正在${app}中浏览`)).toContainText(`“${item}”`);
			await expect(page.getByText(/iPhone（Safari）/)).toBeVisible();
			await expect(page.getByText(/Android（Chrome）/)).toHaveCount(0);
			expect(errors).toEqual([]);
		});
	});
}

test.describe('the hint to open the guide in the phone’s browser', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('inside WeChat it stays away once dismissed, on every page and after a reload', async ({
		browser
	}) => {
		const context = await browser.newContext({ userAgent: agents.wechat[0] });
		const page = await context.newPage();
		await page.goto('/en');
		const hint = page.getByRole('complementary', { name: /Open in your phone’s browser/ });
		await expect(hint).toContainText('tap ··· at the top right, then “Open in Safari”');
		await hint.getByRole('button', { name: 'Got it' }).click();
		await expect(hint).toHaveCount(0);
		await page.goto('/en/tours');
		await page.waitForSelector('html[data-ready]');
		await page.reload();
		await page.waitForSelector('html[data-ready]');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(hint).toHaveCount(0);
		await context.close();
	});

	test('the phone’s own browser never shows it', async ({ page }) => {
		await page.goto('/en');
		await page.waitForSelector('html[data-ready]');
		await page.waitForLoadState('networkidle');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(
			page.getByRole('complementary', { name: /Open in your phone’s browser/ })
		).toHaveCount(0);
	});
});

test.describe('inside WeChat on an iPhone, after the signal goes', () => {
	test.use({ userAgent: agents.wechat[0], serviceWorkers: 'block' });

	test('links to kinds of page never opened keep working offline while the page stays open, and the app said so in advance', async ({
		page,
		context
	}) => {
		test.setTimeout(180_000);
		await page.addInitScript(() => {
			Object.defineProperty(Navigator.prototype, 'serviceWorker', { get: () => undefined });
		});
		await page.goto('/en');
		await expect(page.getByText(/pages already open keep working without a signal/)).toBeVisible();
		// The phone's mirror is filled, and every kind of page's code has been fetched ahead.
		await expect
			.poll(
				() =>
					page.evaluate(
						() =>
							new Promise<number>((resolve) => {
								// A look that neither creates the database nor keeps it open: either would
								// block the app's own opening of it (a version upgrade waits for every
								// other connection to close).
								const open = indexedDB.open('taibai-lake-guide');
								open.onupgradeneeded = () => open.transaction?.abort();
								open.onerror = () => resolve(0);
								open.onsuccess = () => {
									const db = open.result;
									const done = (count: number) => {
										db.close();
										resolve(count);
									};
									if (!db.objectStoreNames.contains('tours')) return done(0);
									const count = db.transaction('tours').objectStore('tours').count();
									count.onsuccess = () => done(count.result);
									count.onerror = () => done(0);
								};
							})
					),
				{ timeout: 60_000 }
			)
			.toBeGreaterThan(0);
		const code: string[] = await (await page.request.get('/_app/visitor-code.json')).json();
		expect(code.length).toBeGreaterThan(16);
		await expect
			.poll(
				() =>
					page.evaluate((code) => {
						const fetched = new Set(
							performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)
						);
						return code.filter((file) => !fetched.has(`/${file}`)).length;
					}, code),
				{ timeout: 60_000 }
			)
			.toBe(0);

		await context.setOffline(true);
		await page.getByRole('navigation').getByRole('link', { name: 'Tours' }).click();
		await expect(page).toHaveURL(/\/en\/tours$/);
		await expect(page.getByRole('heading', { level: 1 })).toContainText('Tours');
		await page.locator('main a[href^="/en/tours/"]').first().click();
		await expect(page).toHaveURL(/\/en\/tours\/[^/]+$/);
		await expect(page.getByRole('heading', { level: 1 })).not.toHaveText(/error|出错/i);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.getByRole('navigation').getByRole('link', { name: 'Map' }).click();
		await expect(page).toHaveURL(/\/en\/map$/);
	});
});
