/**
 * Without a service worker (WeChat and other in-app browsers on iPhone) nothing keeps the code of
 * pages not yet opened, or of what they load later (the mirror's page views, the map), so a link
 * followed offline would fail for want of it. Fetching all the visitor code ahead (the list the
 * build writes beside it, the same files the service worker precaches elsewhere) while the
 * browser is idle lets every in-app link keep working offline for as long as the page stays
 * open: the data comes from the phone's mirror.
 *
 * Scripts are module-preloaded, so a later import finds them in the page's module map. Styles are
 * kept as text: a page's stylesheet that cannot load offline (the HTTP cache is not always asked
 * without a network) is applied from that copy instead of failing the navigation.
 */
import { command } from '$lib/offline';

const styles = new Map<string, string>();
const adopted = new Set<string>();

export async function preloadVisitorCode(): Promise<void> {
	let files: string[];
	try {
		files = await (await fetch('/_app/visitor-code.json')).json();
	} catch {
		return; // Offline already, or a build without the list: pages load their code when opened.
	}
	window.addEventListener('vite:preloadError', applyKeptStyle);
	const queue = files.filter((file) => /^_app\/immutable\/[\w./-]+\.(?:js|css)$/.test(file));
	// A few at a time: the visitor may be reading, and the page's own requests come first.
	const next = async (): Promise<void> => {
		const file = queue.shift();
		if (!file) return;
		await (file.endsWith('.css') ? keepStyle(`/${file}`) : preloadScript(`/${file}`));
		return next();
	};
	await Promise.all([next(), next(), next(), next()]);
	// The mirror's worker loads its own code: the views it draws offline pages with.
	await command('loadViews').catch(() => undefined);
}

function preloadScript(href: string): Promise<void> {
	return new Promise((resolve) => {
		const link = document.createElement('link');
		link.rel = 'modulepreload';
		link.href = href;
		link.onload = link.onerror = () => resolve();
		document.head.append(link);
	});
}

async function keepStyle(href: string): Promise<void> {
	try {
		const response = await fetch(href);
		if (response.ok) styles.set(href, await response.text());
	} catch {
		// The signal went mid-way: that page's style loads when it is opened online.
	}
}

/**
 * Vite reports a stylesheet that failed to load before it gives up on the page; a kept copy saves
 * it. Several imports can wait on one stylesheet, so each is answered, and the sheet adopted once.
 */
function applyKeptStyle(event: Event): void {
	const reason = (event as Event & { payload?: unknown }).payload;
	const href =
		reason instanceof Error && /Unable to preload CSS for (\S+)/.exec(reason.message)?.[1];
	if (!href) return;
	const path = new URL(href, location.href).pathname;
	const text = styles.get(path);
	if (text === undefined) return;
	if (!adopted.has(path)) {
		const sheet = new CSSStyleSheet();
		sheet.replaceSync(text);
		document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
		adopted.add(path);
	}
	event.preventDefault();
}
