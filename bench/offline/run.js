// `npm run bench:offline`: the figures the offline issue asks for.
//   1. precache size (gzip) and file count from the built worker's manifest, plus the content
//      snapshot, against the 600 KB budget;
//   2. bytes transferred by a first visit of / (page and service worker), until the worker controls
//      the page and the first sync is done; time from navigation until the worker is active;
//   3. bytes of an unchanged sync (304) and of a delta sync after one edit (budget 2 KB);
//   4. offline cold start to first content versus an online warm start, as a ratio.
// It prints figures and never fails on a slow number; it exits non-zero only when it could not
// measure. Environment: BENCH_PORT (default 4199), BENCH_REPEATS (timed starts of each kind,
// median kept; default 5), CHROMIUM_PATH.
import { chromium, devices } from '@playwright/test';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	ensureBuild,
	kb,
	launchOptions,
	median,
	positiveInt,
	printTable,
	rawRequest,
	run,
	startApp,
	tempDir,
	writeResults
} from '../lib/app.js';
import { byType, precacheFiles } from './precache.js';

const port = positiveInt('BENCH_PORT', 4199);
const repeats = positiveInt('BENCH_REPEATS', 5);
const PRECACHE_BUDGET = 600 * 1024;
const DELTA_BUDGET = 2 * 1024;
/** The home page's first content: the festival banner, or the first item of any list. */
const FIRST_CONTENT = '.festival-name, main li';
const UPDATED = /内容更新于|Updated/;
// Playwright's device descriptor minus the key that only test projects understand.
const { defaultBrowserType: _ignored, ...device } = devices['Pixel 7'];

/** page.evaluate and friends have no timeout of their own: never let a step hang the run. */
async function withTimeout(promise, what, ms = 15_000) {
	let timer;
	const timeout = new Promise((_, reject) => {
		timer = setTimeout(() => reject(new Error(`Timed out waiting for ${what}`)), ms);
	});
	try {
		return await Promise.race([promise, timeout]);
	} finally {
		clearTimeout(timer);
	}
}

// --- 1. Precache ---------------------------------------------------------------------------------

async function precache(origin) {
	const { files, worker } = await precacheFiles();
	const snapshot = await rawRequest(`${origin}/api/v1/content`, {
		headers: { 'accept-encoding': 'gzip' }
	});
	if (snapshot.headers['content-encoding'] !== 'gzip') throw new Error('The feed was not gzipped');
	const gzip = files.reduce((sum, file) => sum + file.gzip, 0);
	const raw = files.reduce((sum, file) => sum + file.raw, 0);
	const total = gzip + snapshot.body.length;
	return {
		files: files.length,
		gzip,
		raw,
		byType: byType(files),
		largest: [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 5),
		worker,
		snapshotGzip: snapshot.body.length,
		totalWithSnapshot: total,
		budget: PRECACHE_BUDGET,
		withinBudget: total <= PRECACHE_BUDGET
	};
}

function printPrecache(p) {
	console.log('1. Precache (from build/client/service-worker.js; gzip, images as they are sent)\n');
	printTable(
		['type', 'files', 'raw', 'gzip'],
		p.byType.map((t) => [t.ext, t.files, kb(t.raw), kb(t.gzip)])
	);
	console.log('\nLargest precached files (gzip):');
	for (const file of p.largest) console.log(`  ${kb(file.gzip).padStart(9)}  ${file.url}`);
	console.log(`\nPrecache: ${p.files} files, ${kb(p.gzip)} gzip (${kb(p.raw)} raw)`);
	console.log(`Content snapshot /api/v1/content: ${kb(p.snapshotGzip)} gzip`);
	console.log(
		`Precache + snapshot: ${kb(p.totalWithSnapshot)} — budget ${kb(p.budget)}: ` +
			(p.withinBudget ? 'within' : `OVER by ${kb(p.totalWithSnapshot - p.budget)}`)
	);
	console.log(`(The worker script itself, not in the list: ${kb(p.worker.gzip)} gzip)\n`);
}

// --- Browser -------------------------------------------------------------------------------------

/**
 * Runs in every new document before the app: notes on the page's own clock (0 = navigation start)
 * when the worker is ready (active), when it takes control, and when the status line first says
 * the content was updated (the first sync is done).
 */
function probe() {
	const marks = {};
	window.__bench = marks;
	const container = navigator.serviceWorker;
	if (container) {
		marks.controlledAtStart = container.controller !== null;
		container.addEventListener('controllerchange', () => {
			marks.controlledAt ??= performance.now();
		});
		void container.ready.then(() => (marks.readyAt = performance.now()));
	}
	const observer = new MutationObserver(() => {
		const statuses = document.querySelectorAll('[role="status"]');
		if ([...statuses].some((el) => /内容更新于|Updated/.test(el.textContent ?? ''))) {
			marks.updatedAt = performance.now();
			observer.disconnect();
		}
	});
	observer.observe(document, { subtree: true, childList: true, characterData: true });
}

/**
 * A Chromium profile that survives closing the browser, so a later launch is a real cold start with
 * the worker, its caches and the Dexie mirror on disk. Requests leaving the app's origin (map tiles)
 * are aborted; `offline` also aborts the app's own, on top of Chromium's offline emulation.
 */
async function launch(profile, origin, { offline = false } = {}) {
	const context = await chromium.launchPersistentContext(profile, {
		...launchOptions,
		...device,
		offline
	});
	await context.route(
		(url) => offline || !url.href.startsWith(`${origin}/`),
		(route) => route.abort(offline ? 'internetdisconnected' : 'blockedbyclient')
	);
	await context.addInitScript(probe);
	return context;
}

// --- 2. First visit ------------------------------------------------------------------------------

/**
 * Everything a first visit of / transfers: the page's requests through CDP (Network.loadingFinished
 * encodedDataLength: headers and body as received), the service worker's through Playwright, which
 * reports them with `request.serviceWorker()` set (a page CDP session does not see the worker).
 */
async function firstVisit(context, origin) {
	const page = context.pages()[0] ?? (await context.newPage());
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	const pageRequests = new Map();
	cdp.on('Network.requestWillBeSent', (e) =>
		pageRequests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', bytes: 0 })
	);
	cdp.on('Network.loadingFinished', (e) => {
		const request = pageRequests.get(e.requestId);
		if (request) request.bytes = e.encodedDataLength;
	});
	const workerRequests = [];
	const onFinished = (request) => request.serviceWorker() && workerRequests.push(request);
	context.on('requestfinished', onFinished);

	await page.goto(`${origin}/`, { waitUntil: 'load' });
	await page.waitForFunction(() => navigator.serviceWorker?.controller != null, null, {
		timeout: 30_000
	});
	await page.getByRole('status').filter({ hasText: UPDATED }).waitFor({ timeout: 30_000 });
	await page.waitForFunction(() => window.__bench?.readyAt !== undefined, null, {
		timeout: 30_000
	});
	await page.waitForLoadState('networkidle');
	await sleep(500);
	context.off('requestfinished', onFinished);
	await cdp.detach();

	const groups = {};
	const add = (group, bytes) => {
		groups[group] ??= { requests: 0, bytes: 0 };
		groups[group].requests += 1;
		groups[group].bytes += bytes;
	};
	for (const request of pageRequests.values()) add(`page: ${request.type}`, request.bytes);
	for (const request of workerRequests) {
		const sizes = await request.sizes();
		const own = new URL(request.url()).pathname === '/service-worker.js';
		add(
			own ? 'worker: its script' : 'worker: precache',
			sizes.responseHeadersSize + sizes.responseBodySize
		);
	}
	const total = Object.values(groups).reduce((sum, group) => sum + group.bytes, 0);
	const marks = await page.evaluate(() => {
		const nav = performance.getEntriesByType('navigation')[0];
		return {
			...window.__bench,
			domContentLoaded: nav?.domContentLoadedEventEnd,
			load: nav?.loadEventEnd
		};
	});
	return { page, total, groups, marks };
}

function printFirstVisit(visit) {
	console.log(
		'2. First visit of / (until the worker controls the page and the first sync is done)\n'
	);
	printTable(
		['what', 'requests', 'transferred'],
		Object.entries(visit.groups)
			.sort(([, a], [, b]) => b.bytes - a.bytes)
			.map(([group, g]) => [group, g.requests, kb(g.bytes)])
	);
	console.log(`\nBytes transferred on a first visit of /: ${kb(visit.total)} (${visit.total} B)`);
	const m = visit.marks;
	const ms = (value) => (value === undefined ? 'n/a' : `${Math.round(value)} ms`);
	console.log(
		`Navigation → load ${ms(m.load)}, worker active (serviceWorker.ready) ${ms(m.readyAt)}, ` +
			`controlling ${ms(m.controlledAt)}, first sync shown ${ms(m.updatedAt)}\n`
	);
}

// --- 3. Syncs ------------------------------------------------------------------------------------

/** What the phone's mirror holds: its revision and the tag it sends back as If-None-Match. */
function readSyncMeta(page) {
	return withTimeout(
		page.evaluate(
			() =>
				new Promise((resolve, reject) => {
					const open = indexedDB.open('taibai-lake-guide');
					open.onerror = () => reject(open.error);
					open.onsuccess = () => {
						const get = open.result.transaction('meta').objectStore('meta').get('sync');
						get.onsuccess = () => {
							resolve(get.result?.value ?? null);
							open.result.close();
						};
						get.onerror = () => reject(get.error);
					};
				})
		),
		"the mirror's sync metadata"
	);
}

/** The client's sync request, made from here: the bytes of the answer, headers included. */
async function syncRequest(origin, meta) {
	const path = `/api/v1/content?since=${meta.revision}`;
	const res = await rawRequest(`${origin}${path}`, {
		headers: { 'accept-encoding': 'br', ...(meta.etag ? { 'if-none-match': meta.etag } : {}) }
	});
	return {
		path,
		ifNoneMatch: meta.etag,
		status: res.status,
		etag: res.headers.etag,
		bodyBytes: res.body.length,
		headerBytes: res.headerBytes,
		bytes: res.body.length + res.headerBytes
	};
}

/**
 * The app's own sync, in the browser: going offline and back online makes the scheduler sync. The
 * figure is what Chromium received for that request (headers and encoded body).
 */
async function syncInBrowser(context, page) {
	const response = page.waitForResponse((r) => r.url().includes('/api/v1/content?since='), {
		timeout: 15_000
	});
	await context.setOffline(true);
	await page.waitForFunction(() => !navigator.onLine);
	await context.setOffline(false);
	const res = await response;
	// sizes() waits for the response to finish (Response.finished() never settles for a 304).
	const sizes = await withTimeout(res.request().sizes(), 'the sync response to finish');
	return { status: res.status(), bytes: sizes.responseHeadersSize + sizes.responseBodySize };
}

async function syncs(origin, context, page) {
	const before = await readSyncMeta(page);
	if (!before) throw new Error('The first visit left no sync metadata in the mirror');
	const unchanged = await syncRequest(origin, before);
	const unchangedBrowser = await syncInBrowser(context, page);

	const content = await (await fetch(`${origin}/api/v1/content`)).json();
	const slug = content.events[0].slug;
	const edit = await fetch(`${origin}/api/test/events/${slug}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ title: { zh: '改名' } })
	});
	if (!edit.ok) throw new Error(`The test-only edit of ${slug} answered ${edit.status}`);

	const delta = await syncRequest(origin, before);
	const deltaBrowser = await syncInBrowser(context, page);
	await sleep(500);
	const after = await readSyncMeta(page);
	return {
		revisionBefore: before.revision,
		revisionAfter: after?.revision,
		edited: slug,
		unchanged: { ...unchanged, browser: unchangedBrowser },
		delta: {
			...delta,
			browser: deltaBrowser,
			budget: DELTA_BUDGET,
			withinBudget: delta.bytes <= DELTA_BUDGET
		}
	};
}

function printSyncs(s) {
	console.log('3. Syncs (request as the client sends it: accept-encoding br, its If-None-Match)\n');
	printTable(
		['sync', 'status', 'body', 'headers', 'total', 'in Chromium'],
		[
			[
				'unchanged',
				s.unchanged.status,
				`${s.unchanged.bodyBytes} B`,
				`${s.unchanged.headerBytes} B`,
				`${s.unchanged.bytes} B`,
				`${s.unchanged.browser.bytes} B (${s.unchanged.browser.status})`
			],
			[
				'delta, one edit',
				s.delta.status,
				`${s.delta.bodyBytes} B`,
				`${s.delta.headerBytes} B`,
				`${s.delta.bytes} B`,
				`${s.delta.browser.bytes} B (${s.delta.browser.status})`
			]
		]
	);
	console.log(
		`\nDelta sync after editing ${s.edited} (revision ${s.revisionBefore} → ${s.revisionAfter} in the mirror): ` +
			`${s.delta.bytes} B — budget ${kb(s.delta.budget)}: ${s.delta.withinBudget ? 'within' : 'OVER'}`
	);
	console.log(`Unchanged sync (304): ${s.unchanged.bytes} B\n`);
}

// --- 4. Starts -----------------------------------------------------------------------------------

/** Wall-clock time from page.goto until the first content is visible, and how the page came. */
async function timeStart(page, origin) {
	const started = performance.now();
	const response = await page.goto(`${origin}/`, { waitUntil: 'commit' });
	await page.locator(FIRST_CONTENT).first().waitFor({ state: 'visible', timeout: 30_000 });
	const ms = performance.now() - started;
	return { ms, fromServiceWorker: response?.fromServiceWorker() ?? false };
}

/** Warm: the browser and its worker are running and the HTTP cache is warm; a new tab opens /. */
async function warmStarts(context, origin) {
	const runs = [];
	for (let i = 0; i < repeats; i += 1) {
		const page = await context.newPage();
		runs.push(await timeStart(page, origin));
		await page.close();
	}
	return runs;
}

/** Cold: the browser is started anew on the profile, so the worker and every cache start cold. */
async function coldStarts(profile, origin, offline) {
	const runs = [];
	for (let i = 0; i < repeats; i += 1) {
		const context = await launch(profile, origin, { offline });
		const page = context.pages()[0] ?? (await context.newPage());
		const start = await timeStart(page, origin);
		if (offline) {
			// Shown within a moment of the first content (the badge mounts with the layout).
			start.offlineBadge = await page
				.getByText(/^(离线|Offline)$/)
				.waitFor({ timeout: 2000 })
				.then(
					() => true,
					() => false
				);
		}
		runs.push(start);
		await context.close();
	}
	return runs;
}

function summarizeStarts(runs) {
	return { medianMs: median(runs.map((r) => r.ms)), runs };
}

function printStarts(starts) {
	console.log(`4. Start to first content (${FIRST_CONTENT} visible), median of ${repeats}\n`);
	printTable(
		['start', 'median', 'runs (ms)'],
		[
			['online warm', starts.onlineWarm],
			['online cold (browser restarted)', starts.onlineCold],
			['offline cold (browser restarted)', starts.offlineCold]
		].map(([name, s]) => [
			name,
			`${Math.round(s.medianMs)} ms`,
			s.runs.map((r) => Math.round(r.ms)).join(' ')
		])
	);
	const badge = starts.offlineCold.runs.every((r) => r.offlineBadge);
	console.log(
		`\nOffline cold start / online warm start: ${starts.ratio.toFixed(2)}` +
			(badge ? '' : '  (warning: the offline badge was not shown on every offline start)')
	);
}

// --- Main ----------------------------------------------------------------------------------------

async function main() {
	const startedAt = new Date().toISOString();
	ensureBuild();
	const dir = await tempDir('taibai-bench-offline-');
	// The test-only route lets the benchmark edit an event the way the bureau would.
	const app = await startApp({
		port,
		dir,
		env: { NODE_ENV: 'test', ENABLE_TEST_ROUTES: 'true' }
	});
	console.log(`App up at ${app.origin}, revision ${app.revision}\n`);

	const pre = await precache(app.origin);
	printPrecache(pre);

	const profile = join(dir, 'profile');
	const context = await launch(profile, app.origin);
	let visit;
	let sync;
	const starts = {};
	try {
		visit = await firstVisit(context, app.origin);
		printFirstVisit(visit);
		sync = await syncs(app.origin, context, visit.page);
		printSyncs(sync);
		starts.onlineWarm = summarizeStarts(await warmStarts(context, app.origin));
	} finally {
		await context.close();
	}
	starts.onlineCold = summarizeStarts(await coldStarts(profile, app.origin, false));
	starts.offlineCold = summarizeStarts(await coldStarts(profile, app.origin, true));
	starts.ratio = starts.offlineCold.medianMs / starts.onlineWarm.medianMs;
	printStarts(starts);

	const file = await writeResults('offline', {
		startedAt,
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: os.loadavg(),
		revision: app.revision,
		precache: pre,
		firstVisit: { bytes: visit.total, groups: visit.groups, marks: visit.marks },
		syncs: sync,
		starts
	});
	console.log(`\nResults written to ${file}`);
}

await run(main);
