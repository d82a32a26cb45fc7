// `npm run bench:live`: how fresh an open phone stays, and what staying fresh costs.
//   1. publish → visible: an event page open on a phone (visible, online, nothing reloaded); the
//      bureau changes the event's title; the time until the open page shows it. Each publish waits
//      a random part of the check interval first, so the figures sample every phase of the probe.
//      Goal: within 60 s every time.
//   2. bytes per phone per hour while nothing changes: every request the page and its workers make
//      over a quiet stretch (request and answer, headers included), scaled to an hour.
// It prints figures and never fails on a slow number; it exits non-zero only when it could not
// measure. Environment: BENCH_PORT (default 4199), LIVE_PUBLISHES (default 20), LIVE_QUIET_SECONDS
// (default 120), CHROMIUM_PATH.
import { chromium, devices } from '@playwright/test';
import net from 'node:net';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	atCleanup,
	ensureBuild,
	launchOptions,
	median,
	positiveInt,
	run,
	startApp,
	tempDir,
	tileHosts,
	writeResults
} from '../lib/app.js';

const port = positiveInt('BENCH_PORT', 4199);
const publishes = positiveInt('LIVE_PUBLISHES', 20);
const quietSeconds = positiveInt('LIVE_QUIET_SECONDS', 120);
/** The phone's check interval (src/lib/offline/freshness.ts): publishes are spread across it. */
const CHECK_MS = 25_000;
const GOAL_MS = 60_000;
const { defaultBrowserType: _ignored, ...device } = devices['Pixel 7'];

/**
 * A TCP relay in front of the app that counts every byte the phone sends and receives, whichever
 * part of it asks (page, mirror's worker, service worker): the figure is what the radio carries.
 */
async function relay(target) {
	const counted = { up: 0, down: 0, requests: 0 };
	const upstream = new URL(target);
	const server = net.createServer((phone) => {
		const app = net.connect(Number(upstream.port), upstream.hostname);
		phone.on('data', (chunk) => {
			counted.up += chunk.length;
			counted.requests += chunk.toString('latin1').match(/^(GET|POST|HEAD) /gm)?.length ?? 0;
		});
		app.on('data', (chunk) => (counted.down += chunk.length));
		phone.pipe(app).pipe(phone);
		phone.on('error', () => app.destroy());
		app.on('error', () => phone.destroy());
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	atCleanup(() => new Promise((resolve) => server.close(() => resolve())));
	return { origin: `http://127.0.0.1:${server.address().port}`, counted };
}

/** The mirror's last sync, read from the phone's own database. */
const lastSync = (page) =>
	page.evaluate(
		() =>
			new Promise((resolve) => {
				const open = indexedDB.open('taibai-lake-guide');
				open.onerror = () => resolve(undefined);
				open.onsuccess = () => {
					const db = open.result;
					if (!db.objectStoreNames.contains('meta')) return (db.close(), resolve(undefined));
					const get = db.transaction('meta').objectStore('meta').get('sync');
					// Closed at once: an open connection would hold up the app's own upgrades.
					get.onsuccess = () => (db.close(), resolve(get.result?.value));
					get.onerror = () => (db.close(), resolve(undefined));
				};
			})
	);

async function waitForMirror(page) {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if ((await lastSync(page))?.revision) return;
		await sleep(250);
	}
	throw new Error('The phone did not fill its mirror within 60 s');
}

async function main() {
	const startedAt = new Date().toISOString();
	ensureBuild();
	const dir = await tempDir('taibai-bench-live-');
	// The test-only route changes an event through the repository, as a console save does.
	const app = await startApp({ port, dir, env: { NODE_ENV: 'test', ENABLE_TEST_ROUTES: 'true' } });
	const content = await (await fetch(`${app.origin}/api/v1/content`)).json();
	const event = content.events.find((e) => e.title?.en && !e.cancelled) ?? content.events[0];
	const path = `/en/events/${event.slug}`;
	console.log(
		`live bench ${startedAt}: ${path} open on a phone, load ${os.loadavg()[0].toFixed(1)}`
	);

	const browser = await chromium.launch(launchOptions);
	const latencies = [];
	let quiet;
	try {
		const phone = await relay(app.origin);
		const context = await browser.newContext({ ...device, baseURL: phone.origin });
		await context.route(tileHosts, (route) => route.abort());
		const page = await context.newPage();
		await page.goto(path);
		await waitForMirror(page);

		// 2 first, while nothing changes (the page has settled after its first sync).
		await sleep(5_000);
		const before = { ...phone.counted };
		await sleep(quietSeconds * 1000);
		const bytes = phone.counted.up + phone.counted.down - before.up - before.down;
		quiet = {
			seconds: quietSeconds,
			requests: phone.counted.requests - before.requests,
			bytes,
			perHour: (bytes * 3600) / quietSeconds
		};

		// 1. Publishes.
		for (let i = 1; i <= publishes; i++) {
			await sleep(Math.random() * CHECK_MS);
			const title = `Live check ${i} ${Math.random().toString(36).slice(2, 8)}`;
			const edit = await fetch(`${app.origin}/api/test/events/${event.slug}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ title: { ...event.title, en: title } })
			});
			if (!edit.ok) throw new Error(`The test-only edit answered ${edit.status}`);
			const published = Date.now();
			await page.waitForFunction((text) => document.body.innerText.includes(text), title, {
				timeout: 3 * GOAL_MS,
				polling: 100
			});
			latencies.push(Date.now() - published);
			process.stderr.write(
				`  publish ${i}: visible after ${(latencies.at(-1) / 1000).toFixed(1)} s\n`
			);
		}
		await context.close();
	} finally {
		await browser.close();
	}

	const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
	const max = Math.max(...latencies);
	console.log(
		`publish → visible on an open page: median ${seconds(median(latencies))}, max ${seconds(max)} ` +
			`over ${latencies.length} publishes (goal: within ${GOAL_MS / 1000} s; ` +
			`${latencies.filter((ms) => ms > GOAL_MS).length} over)`
	);
	console.log(
		`unchanged checks: ${(quiet.perHour / 1024).toFixed(0)} KB per phone per hour while visible and online ` +
			`(${quiet.requests} requests, ${quiet.bytes} B in ${quiet.seconds} s)`
	);
	const file = await writeResults('live', {
		startedAt,
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: os.loadavg(),
		page: path,
		latenciesMs: latencies,
		quiet
	});
	console.log(`Results: ${file}`);
}

await run(main);
