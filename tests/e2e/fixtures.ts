import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

// A 1×1 transparent PNG: what every intercepted map tile answers, so no test reaches a tile server.
const blankTile = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64'
);
const tileHosts = /tile\.openstreetmap\.org|tianditu\.gov\.cn|tiles\.example\.test/;

/** What the page reports when the Content-Security-Policy refuses something (see watchCsp). */
const violationMark = 'csp-violation:';

/**
 * Makes every page of a context report what the Content-Security-Policy refused: the browser
 * fires `securitypolicyviolation` at the document for each, and the init script turns it into a
 * console line the test collects.
 */
export async function watchCsp(context: BrowserContext, seen: string[]): Promise<void> {
	await context.addInitScript((mark) => {
		document.addEventListener(
			'securitypolicyviolation',
			(e) =>
				console.error(
					`${mark} ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${location.pathname}` +
						` (${e.sourceFile}:${e.lineNumber}) ${e.sample}`
				),
			true
		);
	}, violationMark);
	context.on('console', (message) => {
		const text = message.text();
		if (text.startsWith(violationMark) || /Content Security Policy/i.test(text)) seen.push(text);
	});
}

export const test = base.extend<{ tiles: 'blank' | 'fail'; cspViolations: string[] }>({
	tiles: ['blank', { option: true }],
	// Every browser test fails on anything the Content-Security-Policy refused, in the test's own
	// page and in any context it opens (console tabs, a browser started again on a profile). A test
	// that means to provoke a violation reads and empties this list.
	cspViolations: [
		async ({ browser, context, playwright }, use) => {
			const seen: string[] = [];
			await watchCsp(context, seen);
			const newContext = browser.newContext.bind(browser);
			const persistent = playwright.chromium.launchPersistentContext.bind(playwright.chromium);
			browser.newContext = async (...args) => {
				const opened = await newContext(...args);
				await watchCsp(opened, seen);
				return opened;
			};
			playwright.chromium.launchPersistentContext = async (...args) => {
				const opened = await persistent(...args);
				await watchCsp(opened, seen);
				return opened;
			};
			await use(seen);
			browser.newContext = newContext;
			playwright.chromium.launchPersistentContext = persistent;
			expect(seen, 'what the Content-Security-Policy refused').toEqual([]);
		},
		{ auto: true }
	],
	// On the context, so requests the service worker makes are intercepted too.
	page: async ({ page, context, tiles }, use) => {
		await context.route(tileHosts, (route) =>
			tiles === 'blank'
				? route.fulfill({ status: 200, contentType: 'image/png', body: blankTile })
				: route.abort('internetdisconnected')
		);
		// A visitor's tap lands on a running page; a test's must too: after every navigation, wait
		// until the page has hydrated (the root layout marks <html data-ready>).
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		const ready = async <R>(response: R) => {
			const type = (response as { headers?: () => Record<string, string> } | null)?.headers?.()[
				'content-type'
			];
			if (type?.startsWith('text/html')) {
				await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
			}
			return response;
		};
		page.goto = async (...args) => ready(await goto(...args));
		page.reload = async (...args) => ready(await reload(...args));
		await use(page);
	}
});

export { expect };

/** axe-core finds no serious or critical accessibility problem on the page once its animations settle. */
export async function expectAccessible(page: Page): Promise<void> {
	// Colours are judged at rest: a map's cluster bubbles fade in over 0.3 s, and axe would read the
	// blend of a half-transparent bubble with the tile behind it. Endless animations never settle.
	await page.waitForFunction(() =>
		document
			.getAnimations()
			.every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity)
	);
	const results = await new AxeBuilder({ page }).analyze();
	const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
	expect(
		bad.map(
			(v) =>
				`${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 160)} ${n.failureSummary ?? ''}`).join(', ')})`
		)
	).toEqual([]);
}
