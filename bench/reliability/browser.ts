// Chromium as the browser tests drive it (Debian's binary, the same flags), with map tiles
// answered by a blank image: the bench never reaches a tile server.
import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { launchOptions, tileHosts } from '../lib/app.js';

const blankTile = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);

export function launch(): Promise<Browser> {
	return chromium.launch(launchOptions);
}

/** A phone-sized context on `origin`, logged in with `cookie` when given. */
export async function phone(
	browser: Browser,
	origin: string,
	{ cookie, serviceWorkers = 'allow' }: { cookie?: string; serviceWorkers?: 'allow' | 'block' } = {}
): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL: origin,
		viewport: { width: 390, height: 844 },
		locale: 'zh-CN',
		timezoneId: 'Europe/Berlin',
		serviceWorkers
	});
	await context.route(tileHosts, (route) =>
		route.fulfill({ status: 200, contentType: 'image/png', body: blankTile })
	);
	if (cookie) {
		const [name, value] = cookie.split('=');
		await context.addCookies([
			{ name, value, domain: new URL(origin).hostname, path: '/', httpOnly: true, secure: true }
		]);
	}
	return context;
}
