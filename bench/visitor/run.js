// `npm run bench:visitor`: what a visitor's phone downloads and how Lighthouse rates the pages.
//   a. per route, the JavaScript and CSS a first visit downloads before the page is interactive
//      (gzip); for the home page, everything the page and its own workers (the mirror's) fetch in
//      the first 10 s against 95 KB, what the service worker precaches (with the content snapshot,
//      against 600 KB), and how long after the load the service worker controls the page (1.0 s),
//      on loopback and, for a phone's signal, with a round trip added to every request;
//   b. Lighthouse 12.2.3 (mobile) on /, an event, a venue, a tour and a festival page: scores,
//      LCP/TBT/CLS against the budget and every audit short of a full score.
// It prints figures and never fails on a slow number; it exits non-zero only when it could not
// measure. Environment: BENCH_PORT (default 4199), LIGHTHOUSE_PORT (Chrome's DevTools port for
// Lighthouse, default 4299), LIGHTHOUSE_RUNS (runs per page, Lighthouse's median run is
// kept; default 1), BENCH_LIGHTHOUSE=0 to skip Lighthouse, BENCH_RTT_MS (the round trip added for
// the phone's-signal figure, default 150, Lighthouse's slow 4G), BENCH_PROXY_PORT (default
// BENCH_PORT + 1), CHROMIUM_PATH.
import { chromium, devices } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import {
	ensureBuild,
	kb,
	launchOptions,
	positiveInt,
	printTable,
	root,
	run,
	servedGzipSize,
	startApp,
	tempDir,
	writeResults
} from '../lib/app.js';
import { startLatencyProxy } from '../lib/latency-proxy.js';
import {
	budget,
	budgetMisses,
	categories,
	ensureLighthouse,
	medianRun,
	runLighthouse,
	summarize
} from './lighthouse.js';

const port = positiveInt('BENCH_PORT', 4199);
const lighthousePort = positiveInt('LIGHTHOUSE_PORT', 4299);
const lighthouseRuns = positiveInt('LIGHTHOUSE_RUNS', 1);
const withLighthouse = process.env.BENCH_LIGHTHOUSE !== '0';
const HOME_JS_BUDGET = 60 * 1024;
// Issue #17: what a first visit of home fetches in its first 10 s (page and its own workers; the
// service worker's precache apart), the precache with the content snapshot, and how soon after
// the load the service worker controls the page.
const WINDOW_MS = 10_000;
const FIRST_VISIT_BUDGET = 95 * 1024;
const PRECACHE_BUDGET = 600 * 1024;
const CONTROL_BUDGET_MS = 1000;
const roundTripMs = positiveInt('BENCH_RTT_MS', 150);
const proxyPort = positiveInt('BENCH_PROXY_PORT', port + 1);
const device = devices['Pixel 7'];

/** One page of each visitor page type, with slugs taken from the seeded content. */
async function visitorRoutes(origin) {
	const content = await (await fetch(`${origin}/api/v1/content`)).json();
	const first = (type) => {
		const record = content[type][0];
		if (!record) throw new Error(`The seeded content has no ${type}`);
		return record.slug;
	};
	return [
		{ name: 'home', path: '/' },
		{ name: 'events', path: '/events' },
		{ name: 'event', path: `/events/${first('events')}` },
		{ name: 'festival', path: `/festivals/${first('festivals')}` },
		{ name: 'venues', path: '/venues' },
		{ name: 'venue', path: `/venues/${first('venues')}` },
		{ name: 'tours', path: '/tours' },
		{ name: 'tour', path: `/tours/${first('tours')}` },
		{ name: 'map', path: '/map' },
		{ name: 'search', path: '/search' },
		{ name: 'info', path: '/info' }
	];
}

// --- a. First-visit downloads --------------------------------------------------------------------

/**
 * A first visit in a fresh context. Counts the scripts and stylesheets the PAGE requested until the
 * load event plus network idle, i.e. what it needs to become interactive; requests made by the
 * service worker (its precache, which starts after load) are kept apart: Playwright reports them
 * with `request.serviceWorker()` set and no frame. With `waitForWorker`, it then also waits until
 * the worker is active and controls the page, so the whole precache download is seen.
 */
async function firstVisit(browser, origin, route, { waitForWorker = false, windowMs = 0 } = {}) {
	const context = await browser.newContext({ ...device });
	const blocked = [];
	await context.route(
		(url) => !url.href.startsWith(`${origin}/`),
		(request) => {
			blocked.push(request.request().url());
			return request.abort('blockedbyclient');
		}
	);
	const finished = [];
	let idle = false;
	// When each request started, from the navigation's start (the window counts requests by it).
	const startedAt = new Map();
	let navigationStart = Date.now();
	context.on('request', (request) => startedAt.set(request, Date.now() - navigationStart));
	context.on('requestfinished', (request) => finished.push({ request, afterIdle: idle }));
	await context.addInitScript(recordLargestPaints);
	await context.addInitScript(recordControl);
	const page = await context.newPage();
	navigationStart = Date.now();
	await page.goto(`${origin}${route.path}`, { waitUntil: 'load' });
	await page.waitForLoadState('networkidle');
	idle = true;
	// Which requests started after the load event, by the page's own clock (Resource Timing).
	const startedAfterLoad = new Set(
		await page.evaluate(() => {
			const load = performance.getEntriesByType('navigation')[0]?.loadEventStart ?? Infinity;
			return performance
				.getEntriesByType('resource')
				.filter((entry) => entry.startTime > load)
				.map((entry) => entry.name);
		})
	);
	const largestPaints = await page.evaluate(() => window.__largestPaints ?? []);
	let control = null;
	if (waitForWorker) {
		await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
			timeout: 30_000
		});
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
		await page.waitForLoadState('networkidle');
		control = await page.evaluate(() => window.__control);
	}
	// The window is a span of time by definition: what is fetched until it closes counts.
	const left = windowMs - (Date.now() - navigationStart);
	if (left > 0) await page.waitForTimeout(left);
	const windowRows = [];
	if (windowMs) {
		for (const { request } of finished) {
			const at = startedAt.get(request) ?? Infinity;
			if (at > windowMs || request.serviceWorker() !== null) continue;
			if (!request.url().startsWith(`${origin}/`)) continue;
			const response = await request.response();
			windowRows.push({
				url: request.url(),
				type: request.resourceType(),
				at,
				fromWorkerCache: response?.fromServiceWorker() ?? false
			});
		}
	}

	const byPage = [];
	const byWorker = [];
	for (const entry of finished) {
		const { request } = entry;
		const fromWorker = request.serviceWorker() !== null;
		if (!fromWorker && entry.afterIdle) continue;
		const response = await request.response();
		const sizes = await request.sizes();
		const row = {
			url: request.url(),
			type: request.resourceType(),
			afterLoad: startedAfterLoad.has(request.url()),
			servedByWorker: response?.fromServiceWorker() ?? false,
			transferredBody: sizes.responseBodySize
		};
		(fromWorker ? byWorker : byPage).push(row);
	}
	await context.close();
	return { byPage, byWorker, blocked, largestPaints, windowRows, control };
}

/**
 * How long after the load the service worker controls a first visit of home when every request
 * costs a round trip (through the latency proxy): the precache's requests then cost what they
 * cost on a phone, which loopback hides.
 */
async function controlWithRoundTrip(browser, origin) {
	const proxy = await startLatencyProxy({
		port: proxyPort,
		target: Number(new URL(origin).port),
		roundTripMs
	});
	const context = await browser.newContext({ ...device });
	try {
		await context.route(
			(url) => !url.href.startsWith(`${proxy.origin}/`),
			(request) => request.abort('blockedbyclient')
		);
		await context.addInitScript(recordControl);
		const page = await context.newPage();
		await page.goto(`${proxy.origin}/`, { waitUntil: 'load' });
		await page.waitForFunction(
			() => window.__control?.controlledMs != null && window.__control.loadEndMs != null,
			null,
			{ timeout: 120_000 }
		);
		const { controlledMs, loadEndMs } = await page.evaluate(() => window.__control);
		return Math.round(controlledMs - loadEndMs);
	} finally {
		await context.close();
		await proxy.close();
	}
}

/**
 * Runs before the app: notes when the service worker first controls the page, and the load
 * event's end, both on the page's clock.
 */
function recordControl() {
	const control = { controlledMs: null, loadEndMs: null };
	window.__control = control;
	navigator.serviceWorker?.addEventListener('controllerchange', () => {
		control.controlledMs ??= performance.now();
	});
	addEventListener('load', () =>
		setTimeout(() => {
			control.loadEndMs = performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? null;
		})
	);
}

/**
 * Runs before the app in each document: keeps the first contentful paint and every
 * largest-contentful-paint candidate with a short description of its element, so a late LCP (an element replaced after hydration, say) can be traced
 * to its element (Lighthouse's own LCP-element audit does not run with every Chromium).
 */
function recordLargestPaints() {
	const paints = [];
	window.__largestPaints = paints;
	new PerformanceObserver((list) => {
		for (const entry of list.getEntriesByName('first-contentful-paint')) {
			paints.push({ ms: Math.round(entry.startTime), element: 'first contentful paint' });
		}
	}).observe({ type: 'paint', buffered: true });
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) {
			const el = entry.element;
			const name = el
				? `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`
				: '(removed)';
			const text = (el?.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
			paints.push({
				ms: Math.round(entry.startTime),
				size: entry.size,
				element: name,
				text,
				url: entry.url || undefined
			});
		}
	}).observe({ type: 'largest-contentful-paint', buffered: true });
}

/** Sums gzip and raw sizes of the distinct URLs in `rows`. */
/** The mirror's worker script and the chunks it imports (Vite emits workers under workers/). */
const isMirrorWorkerCode = (url) => new URL(url).pathname.startsWith('/_app/immutable/workers/');

async function sizeOf(rows) {
	const urls = [...new Set(rows.map((row) => row.url))];
	const items = [];
	for (const url of urls) items.push({ url, ...(await servedGzipSize(url)) });
	const gzip = items.reduce((sum, item) => sum + item.gzip, 0);
	const raw = items.reduce((sum, item) => sum + item.raw, 0);
	return { files: urls.length, gzip, raw, items };
}

async function measureRoute(browser, origin, route) {
	const home = route.name === 'home';
	const visit = await firstVisit(browser, origin, route, {
		waitForWorker: home,
		windowMs: home ? WINDOW_MS : 0
	});
	const scripts = visit.byPage.filter((row) => row.type === 'script');
	const styles = visit.byPage.filter((row) => row.type === 'stylesheet');
	const result = {
		...route,
		js: await sizeOf(scripts),
		jsByLoad: await sizeOf(scripts.filter((row) => !row.afterLoad)),
		// Scripts of the page's own thread, against the budget; worker scripts (the offline
		// mirror's worker) run on their own thread and are reported apart.
		pageJs: await sizeOf(scripts.filter((row) => !isMirrorWorkerCode(row.url))),
		css: await sizeOf(styles),
		// What Chromium actually received (brotli where the server has it), for comparison.
		jsCssTransferred: [...scripts, ...styles].reduce((sum, row) => sum + row.transferredBody, 0),
		servedByWorker: visit.byPage.filter((row) => row.servedByWorker).length,
		blockedExternal: visit.blocked.length,
		largestPaints: visit.largestPaints,
		scripts: scripts.map(({ url, afterLoad }) => ({ url: url.replace(origin, ''), afterLoad }))
	};
	// Per-file sizes are kept for the largest scripts only, to keep the results file readable.
	result.largestScripts = result.js.items
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, 5)
		.map(({ url, gzip, raw }) => ({ url: url.replace(origin, ''), gzip, raw }));
	for (const size of [result.js, result.jsByLoad, result.pageJs, result.css]) delete size.items;
	if (home) {
		const precache = visit.byWorker.filter((row) => row.url !== `${origin}/service-worker.js`);
		const { items, ...size } = await sizeOf(precache);
		result.workerDownloads = { ...size, requests: precache.length, distinctUrls: items.length };
		result.snapshot = await servedGzipSize(`${origin}/api/v1/content`);
		result.window = await measureWindow(visit.windowRows);
		const { controlledMs, loadEndMs } = visit.control ?? {};
		result.controlAfterLoadMs =
			controlledMs != null && loadEndMs != null ? Math.round(controlledMs - loadEndMs) : null;
	}
	return result;
}

/**
 * The first-visit window's bytes (gzip): what went over the network, split into the page's own
 * and its dedicated workers' (the mirror's worker script, its feed download), and apart what the
 * service worker answered from its cache (those bytes are counted in the precache).
 */
async function measureWindow(rows) {
	const network = rows.filter((row) => !row.fromWorkerCache);
	const cached = rows.filter((row) => row.fromWorkerCache);
	const total = await sizeOf(network);
	const byType = {};
	for (const item of total.items) {
		const type = network.find((row) => row.url === item.url).type;
		byType[type] = (byType[type] ?? 0) + item.gzip;
	}
	const largest = total.items
		.sort((a, b) => b.gzip - a.gzip)
		.slice(0, 6)
		.map(({ url, gzip }) => ({ url: new URL(url).pathname, gzip }));
	const fromCache = await sizeOf(cached);
	// The issue counts the mirror's worker whether the network or the service worker's cache
	// answered it (on a first visit the app starts it once the precache holds it; in-app
	// browsers without a service worker download it).
	const mirror = fromCache.items.filter((item) => isMirrorWorkerCode(item.url));
	return {
		gzip: total.gzip,
		files: total.files,
		byType,
		largest,
		fromWorkerCache: { files: fromCache.files, gzip: fromCache.gzip },
		mirrorFromCache: {
			files: mirror.length,
			gzip: mirror.reduce((sum, item) => sum + item.gzip, 0)
		}
	};
}

function printFirstVisitGoals(home) {
	const w = home.window;
	const met = (ok) => (ok ? 'met' : 'MISSED');
	console.log(`First visit of home, issue #17's goals:`);
	const counted = w.gzip + w.mirrorFromCache.gzip;
	console.log(
		`  fetched by the page and its workers in the first ${WINDOW_MS / 1000} s: ${kb(counted)} gzip ` +
			`(${kb(w.gzip)} in ${w.files} files over the network, and the mirror's worker, ` +
			`${kb(w.mirrorFromCache.gzip)} in ${w.mirrorFromCache.files} files, from the service ` +
			`worker's cache) — goal ≤ ${kb(FIRST_VISIT_BUDGET)}: ${met(counted <= FIRST_VISIT_BUDGET)}`
	);
	console.log(
		`    by type: ${Object.entries(w.byType)
			.map(([type, bytes]) => `${type} ${kb(bytes)}`)
			.join(', ')}; answered from the service worker's cache (counted in the precache): ` +
			`${w.fromWorkerCache.files} files, ${kb(w.fromWorkerCache.gzip)}`
	);
	for (const item of w.largest) console.log(`    ${kb(item.gzip).padStart(9)}  ${item.url}`);
	if (home.workerDownloads) {
		const precache = home.workerDownloads.gzip;
		const withSnapshot = precache + home.snapshot.gzip;
		console.log(
			`  service worker precache: ${kb(precache)} gzip, with the content snapshot ` +
				`(${kb(home.snapshot.gzip)}) ${kb(withSnapshot)} — goal ≤ ${kb(PRECACHE_BUDGET)}: ` +
				`${met(withSnapshot <= PRECACHE_BUDGET)}`
		);
	}
	const control = home.controlAfterLoadMs;
	console.log(
		`  service worker controls the page ${control == null ? '(not measured)' : `${(control / 1000).toFixed(2)} s`} ` +
			`after the load event — goal ≤ ${(CONTROL_BUDGET_MS / 1000).toFixed(1)} s on a quiet machine: ` +
			`${met(control != null && control <= CONTROL_BUDGET_MS)} (load average ${os
				.loadavg()
				.map((l) => l.toFixed(2))
				.join(', ')})`
	);
	if (home.controlWithRoundTripMs != null) {
		console.log(
			`    with a ${roundTripMs} ms round trip added to every request (a phone's signal): ` +
				`${(home.controlWithRoundTripMs / 1000).toFixed(2)} s after the load event`
		);
	}
}

function printDownloads(routes) {
	console.log('a. JavaScript and CSS downloaded on a first visit, before the page is interactive');
	console.log('   (page-initiated requests until load + network idle; gzip; KB = 1024 bytes)\n');
	printTable(
		[
			'route',
			'path',
			'JS gzip',
			'JS by load',
			'JS files',
			'CSS gzip',
			'CSS files',
			'JS raw',
			'sent (br)'
		],
		routes.map((r) => [
			r.name,
			r.path.length > 40 ? `${r.path.slice(0, 39)}…` : r.path,
			kb(r.js.gzip),
			kb(r.jsByLoad.gzip),
			r.js.files,
			kb(r.css.gzip),
			r.css.files,
			kb(r.js.raw),
			kb(r.jsCssTransferred)
		])
	);
	const home = routes.find((r) => r.name === 'home');
	const ok = home.pageJs.gzip <= HOME_JS_BUDGET;
	console.log(
		`\nHome first-visit JS on the page's thread: ${kb(home.pageJs.gzip)} gzip ` +
			`(${kb(home.jsByLoad.gzip)} by the load event; all of it: ${kb(home.js.gzip)} with the ` +
			`offline worker's ${kb(home.js.gzip - home.pageJs.gzip)}) — budget ${kb(HOME_JS_BUDGET)}: ` +
			`${ok ? 'within' : `OVER by ${kb(home.pageJs.gzip - HOME_JS_BUDGET)}`}`
	);
	console.log('Largest home scripts (gzip):');
	for (const script of home.largestScripts) {
		const after = home.scripts.find((s) => s.url === script.url)?.afterLoad ? ' (after load)' : '';
		console.log(`  ${kb(script.gzip).padStart(9)}  ${script.url}${after}`);
	}
	if (home.workerDownloads) {
		const w = home.workerDownloads;
		console.log(
			`Service worker precache after load (home): ${w.requests} requests, ${w.files} files, ` +
				`${kb(w.gzip)} gzip (${kb(w.raw)} raw)`
		);
	}
	console.log(
		'First contentful paint and LCP candidates (unthrottled Playwright visit; the last counts):'
	);
	for (const r of routes) {
		const paints = [...r.largestPaints]
			.sort((a, b) => a.ms - b.ms)
			.map((p) => `${p.ms} ms ${p.element}${p.text ? ` "${p.text}"` : ''}`);
		console.log(`  ${r.name.padEnd(9)} ${paints.join('  →  ') || 'none'}`);
	}
	const blocked = routes.reduce((sum, r) => sum + r.blockedExternal, 0);
	if (blocked) console.log(`External requests aborted (map tiles etc.): ${blocked}`);
	console.log();
	printFirstVisitGoals(home);
	console.log();
}

// --- b. Lighthouse -------------------------------------------------------------------------------

/**
 * One Lighthouse run, run again (twice at most) when Lighthouse itself lost its trace and asks for
 * that ("Please run Lighthouse again", NO_NAVSTART and the like); any other failure stops the bench.
 */
async function lighthouseRun(url, base) {
	for (let attempt = 1; ; attempt += 1) {
		try {
			return await runLighthouse(url, base, lighthousePort);
		} catch (error) {
			const again = /Please run Lighthouse again/.test(String(error));
			if (!again || attempt === 3) throw error;
			const code = /\(([A-Z_]+)\)/.exec(String(error))?.[1] ?? 'no trace';
			console.log(`  Lighthouse lost its trace (${code}); running it again`);
		}
	}
}

async function lighthouse(origin, routes, dir) {
	ensureLighthouse();
	const pages = ['home', 'event', 'venue', 'tour', 'festival'].map((name) =>
		routes.find((r) => r.name === name)
	);
	const out = [];
	for (const page of pages) {
		const runs = [];
		for (let i = 0; i < lighthouseRuns; i += 1) {
			console.log(`Lighthouse ${page.path}${lighthouseRuns > 1 ? ` (run ${i + 1})` : ''}…`);
			const base = join(dir, `lighthouse-${page.name}-${i + 1}`);
			const report = await lighthouseRun(`${origin}${page.path}`, base);
			runs.push({ report, reportBase: base });
		}
		const median = await medianRun(runs.map((run) => run.report));
		const kept = {
			...summarize(median),
			reportBase: runs.find((r) => r.report === median).reportBase
		};
		// Every run's score, so a spread (a busy machine) is visible next to the kept run.
		kept.allScores = runs.map((run) => Math.round(run.report.categories.performance.score * 100));
		out.push({ name: page.name, path: page.path, ...kept, misses: budgetMisses(kept) });
	}
	return out;
}

function printLighthouse(pages) {
	console.log(
		`\nb. Lighthouse ${pages[0]?.lighthouseVersion} (mobile preset), budget: performance ≥ ` +
			`${budget.performance}, others = 100, LCP ≤ ${budget.lcpMs / 1000} s, ` +
			`TBT < ${budget.tbtBelowMs} ms, CLS ${budget.cls}\n`
	);
	printTable(
		['page', 'perf', 'a11y', 'best-pr.', 'SEO', 'LCP', 'TBT', 'CLS', 'FCP', 'budget'],
		pages.map((p) => [
			p.name,
			p.scores.performance,
			p.scores.accessibility,
			p.scores['best-practices'],
			p.scores.seo,
			`${(p.metrics.lcpMs / 1000).toFixed(2)} s`,
			`${Math.round(p.metrics.tbtMs)} ms`,
			p.metrics.cls.toFixed(3),
			`${(p.metrics.fcpMs / 1000).toFixed(2)} s`,
			p.misses.length ? 'MISSED' : 'met'
		])
	);
	for (const p of pages) {
		console.log(`\n${p.name} (${p.path})${p.misses.length ? `: ${p.misses.join('; ')}` : ''}`);
		if (p.benchmarkIndex) console.log(`  Lighthouse benchmarkIndex ${p.benchmarkIndex}`);
		if (p.allScores?.length > 1)
			console.log(`  performance in each run: ${p.allScores.join(', ')}`);
		for (const warning of p.warnings) console.log(`  warning: ${warning}`);
		if (p.errored.length) {
			console.log(
				`  ${p.errored.length} audit(s) could not run: ${p.errored.map((a) => `${a.id} (weight ${a.weight})`).join(', ')}`
			);
			console.log(`      first error: ${p.errored[0].message.slice(0, 200)}`);
		}
		for (const category of categories) {
			for (const audit of p.failed[category]) {
				// Performance diagnostics are hints; the other categories' failures cost points.
				const label = category === 'performance' ? 'hint' : 'FAILED';
				const value = audit.displayValue ? ` — ${audit.displayValue}` : '';
				console.log(
					`  [${category}] ${label}: ${audit.title} (${audit.id}, weight ${audit.weight})${value}`
				);
				for (const example of audit.examples) console.log(`      ${example}`);
			}
		}
		console.log(`  report: ${p.reportBase}.report.html`);
	}
}

// --- Main ----------------------------------------------------------------------------------------

async function main() {
	const startedAt = new Date().toISOString();
	ensureBuild();
	const dir = await tempDir('taibai-bench-visitor-');
	const app = await startApp({ port, dir });
	console.log(`App up at ${app.origin}, revision ${app.revision}\n`);
	const routes = await visitorRoutes(app.origin);

	const browser = await chromium.launch(launchOptions);
	const downloads = [];
	try {
		for (const route of routes) downloads.push(await measureRoute(browser, app.origin, route));
		const home = downloads.find((route) => route.name === 'home');
		home.controlWithRoundTripMs = await controlWithRoundTrip(browser, app.origin);
	} finally {
		await browser.close();
	}
	printDownloads(downloads);

	let pages = null;
	if (withLighthouse) {
		const reports = join(root, 'bench', 'results', `lighthouse-${startedAt.replace(/[:.]/g, '-')}`);
		await mkdir(reports, { recursive: true });
		pages = await lighthouse(app.origin, routes, reports);
		printLighthouse(pages);
	}

	const file = await writeResults('visitor', {
		startedAt,
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: os.loadavg(),
		revision: app.revision,
		homeJsBudgetBytes: HOME_JS_BUDGET,
		routes: downloads,
		lighthouse: pages
	});
	console.log(`\nResults written to ${file}`);
}

await run(main);
