import sharp from 'sharp';
import { expect, test } from './fixtures';
import { serverURL } from './admin-helpers';
import { disposeOwnServer, startOwnServer, type OwnServer } from './own-server';

/** What a visitor in China sees around the content: share cards, map hand-off, dates, basemap. */

interface Feed {
	events: { slug: string; status: string }[];
	venues: { slug: string }[];
	tours: { slug: string }[];
	festivals: { slug: string }[];
}

async function feed(): Promise<Feed> {
	return (await fetch(`${serverURL}/api/v1/content`)).json();
}

/** The page's meta tags, in order, as [property or name, content]. */
function metaTags(html: string): [string, string][] {
	return [...html.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)"/g)].map((m) => [
		m[1],
		m[2].replaceAll('&amp;', '&')
	]);
}

test('every kind of page carries its own share card, wide and square, with size, alt and locale', async () => {
	const content = await feed();
	const pages = [
		`/events/${content.events.find((e) => e.status === 'published')?.slug}`,
		`/venues/${content.venues[0].slug}`,
		`/tours/${content.tours[0].slug}`,
		`/festivals/${content.festivals[0].slug}`
	];
	const seen = new Set<string>();
	for (const lang of ['zh', 'en'] as const) {
		for (const path of pages) {
			const url = `${serverURL}${lang === 'en' ? '/en' : ''}${path}`;
			const tags = metaTags(await (await fetch(url)).text());
			const all = (name: string) => tags.filter(([k]) => k === name).map(([, v]) => v);
			expect(all('og:locale'), url).toEqual([lang === 'zh' ? 'zh_CN' : 'en_US']);
			expect(all('og:locale:alternate'), url).toEqual([lang === 'zh' ? 'en_US' : 'zh_CN']);
			const images = all('og:image');
			expect(images, url).toHaveLength(2);
			expect(all('og:image:width'), url).toEqual(['1200', '600']);
			expect(all('og:image:height'), url).toEqual(['630', '600']);
			for (const alt of all('og:image:alt')) expect(alt.length, url).toBeGreaterThan(2);
			for (const [i, image] of images.entries()) {
				expect(image, url).toMatch(
					new RegExp(`/share/[a-z]+/[^/]+/(wide|square)\\.jpg\\?lang=${lang}&v=`)
				);
				seen.add(image);
				const response = await fetch(image);
				expect(response.status, image).toBe(200);
				expect(response.headers.get('content-type')).toBe('image/jpeg');
				const meta = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
				expect([meta.width, meta.height], image).toEqual(i === 0 ? [1200, 630] : [600, 600]);
			}
		}
	}
	// Each page and language has cards of its own.
	expect(seen.size).toBe(pages.length * 2 * 2);
	// A draft or unknown record has no card.
	expect((await fetch(`${serverURL}/share/events/no-such-event/wide.jpg`)).status).toBe(404);
	expect((await fetch(`${serverURL}/share/users/x/wide.jpg`)).status).toBe(404);
});

test('a venue offers Amap, Baidu, Tencent and Apple maps, and Chinese dates are written with 月 and 日', async ({
	page
}) => {
	const content = await feed();
	await page.goto(`/venues/${content.venues[0].slug}`);
	for (const name of ['高德地图', '百度地图', '腾讯地图', '苹果地图']) {
		await expect(page.getByRole('link', { name, exact: true })).toBeVisible();
	}
	await expect(page.getByRole('link', { name: '腾讯地图' })).toHaveAttribute(
		'href',
		/apis\.map\.qq\.com\/uri\/v1\/marker\?marker=coord:[\d.]+,[\d.]+;.*coord_type=1/
	);
	await page.goto('/festivals');
	const text = await page.locator('main').innerText();
	expect(text).toMatch(/\d+月\d+日/);
	expect(text).not.toMatch(/\b\d{1,2}\/\d{1,2}\b/);
	await page.goto(`/en/events/${content.events.find((e) => e.status === 'published')?.slug}`);
	await expect(page.locator('main')).toContainText(
		/(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} [A-Z][a-z]+ \d{4}/
	);
});

test.describe('with Tianditu as the basemap', () => {
	let server: OwnServer | undefined;
	const port = Number(process.env.E2E_PORT ?? 4173) + 7;

	test.beforeAll(async () => {
		server = await startOwnServer(port, {
			TILE_SOURCE: 'tianditu',
			TIANDITU_KEY: 'test-key',
			MAP_APPROVAL_NUMBER: 'GS(2024)0568号',
			ICP_LICENSE: '鲁ICP备2026000001号-1',
			PSB_RECORD: '鲁公网安备37080002000001号'
		});
	});
	test.afterAll(() => disposeOwnServer(server));

	test('every map, the drawn ones included, asks Tianditu for labels in the page’s language and shows the approval number', async ({
		browser
	}) => {
		for (const lang of ['zh', 'en'] as const) {
			const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
			const hosts = new Set<string>();
			const layers = new Set<string>();
			await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => {
				const url = new URL(route.request().url());
				hosts.add(url.host.replace(/^t\d\./, 't*.'));
				const layer = url.searchParams.get('LAYER');
				if (layer) layers.add(layer);
				return route.fulfill({ status: 204 });
			});
			const page = await context.newPage();
			const content = (await (
				await fetch(`http://127.0.0.1:${port}/api/v1/content`)
			).json()) as Feed;
			await page.goto(`${lang === 'en' ? '/en' : ''}/venues/${content.venues[0].slug}`);
			await expect(
				page.getByText(/审图号：GS\(2024\)0568号|Map approval No\. GS\(2024\)0568号/).first()
			).toBeVisible();
			await expect.poll(() => layers.size).toBeGreaterThan(1);
			expect([...hosts]).toEqual(['t*.tianditu.gov.cn']);
			expect(layers).toEqual(new Set(['vec', lang === 'en' ? 'eva' : 'cva']));
			await context.close();
		}
	});

	test('every page’s footer carries the filing numbers, linked to where they can be checked, offline too', async ({
		browser
	}) => {
		const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}` });
		await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.fulfill({ status: 204 }));
		const page = await context.newPage();
		const content = (await (await fetch(`http://127.0.0.1:${port}/api/v1/content`)).json()) as Feed;
		const footerHasFilings = async () => {
			const footer = page.locator('footer');
			await expect(footer.getByRole('link', { name: '鲁ICP备2026000001号-1' })).toHaveAttribute(
				'href',
				'https://beian.miit.gov.cn/'
			);
			await expect(
				footer.getByRole('link', { name: '鲁公网安备37080002000001号' })
			).toHaveAttribute('href', /beian\.mps\.gov\.cn\/.*code=37080002000001$/);
		};
		await page.goto('/');
		await footerHasFilings();
		await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
			timeout: 30_000
		});
		await expect(page.getByRole('status').filter({ hasText: /内容更新于|Updated/ })).toBeVisible({
			timeout: 30_000
		});
		await context.setOffline(true);
		for (const path of [`/en/events/${content.events[0].slug}`, '/tours']) {
			await page.goto(path);
			await footerHasFilings();
		}
		await context.close();
	});
});

test('without filing numbers configured the footer has no filing line', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('footer')).toContainText(/./);
	await expect(page.locator('footer a[href*="beian"]')).toHaveCount(0);
});
