// `npm run bench:feed`: how fast the built app serves the content snapshot (/api/v1/content),
// both full (200, brotli) and revalidated (304), next to a bare node:http server sending the same
// bytes. It prints figures rather than passing or failing; it exits non-zero only when a request
// errored or got an unexpected status, since then the figures mean nothing.
//
// Environment: BENCH_DURATION (seconds per run, default 10), BENCH_CONNECTIONS (default 64).
import { fork, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { FEED_PATH, loadFeed } from './load.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const duration = positiveInt('BENCH_DURATION', 10);
const connections = positiveInt('BENCH_CONNECTIONS', 64);
const STARTUP_TIMEOUT_MS = 30_000;

/** Child processes and temp dir to clean up, however the run ends. */
const owned = { children: new Set(), tmp: null };

function positiveInt(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
	return value;
}

// --- Servers -------------------------------------------------------------------------------------

/** The app is benchmarked as deployed, so build it once if there is no build yet. */
function ensureBuild() {
	if (existsSync(join(root, 'build', 'index.js'))) return;
	console.log('No build/index.js: building the app…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

/** A port that was free a moment ago; adapter-node needs a number, not 0. */
async function freePort() {
	const server = createServer();
	await new Promise((resolve, reject) =>
		server.once('error', reject).listen(0, '127.0.0.1', resolve)
	);
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Keeps the tail of a child's output, so a failed start-up can say why without flooding us. */
function captureOutput(child) {
	let log = '';
	const keep = (chunk) => (log = (log + chunk).slice(-4000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => log;
}

function track(child) {
	owned.children.add(child);
	child.once('exit', () => owned.children.delete(child));
	return child;
}

/** Starts `node build/index.js` on a fresh database (so the sample content is seeded). */
async function startApp(tmp) {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const child = track(
		spawn(process.execPath, ['build/index.js'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: {
				...process.env,
				NODE_ENV: 'production',
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				DATABASE_URL: `file:${join(tmp, 'bench.sqlite')}`,
				SEED: 'auto'
			}
		})
	);
	const output = captureOutput(child);
	const health = await waitForHealth(origin, child).catch((error) => {
		throw new Error(`${error.message}\n--- app output ---\n${output()}`);
	});
	return { origin, child, revision: health.revision };
}

/** Polls /healthz until it answers 200, failing fast if the server exits instead. */
async function waitForHealth(origin, child) {
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode}`);
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.status === 200) return await response.json();
		} catch {
			// Not listening yet.
		}
		await sleep(200);
	}
	throw new Error(`The app did not answer /healthz within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** Forks bare-server.js with the app's br body and waits for the port it reports. */
async function startBare(tmp, snapshot) {
	const bodyFile = join(tmp, 'content.br');
	await writeFile(bodyFile, snapshot.br.body);
	const child = track(
		fork(fileURLToPath(new URL('bare-server.js', import.meta.url)), {
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
			env: {
				...process.env,
				BARE_BODY_FILE: bodyFile,
				BARE_ETAG: snapshot.br.etag,
				BARE_CACHE_CONTROL: snapshot.br.cacheControl
			}
		})
	);
	const port = await new Promise((resolve, reject) => {
		child.once('message', (message) => resolve(message.port));
		child.once('exit', (code) => reject(new Error(`bare-server.js exited with code ${code}`)));
	});
	return { origin: `http://127.0.0.1:${port}`, child };
}

/** SIGTERM, then SIGKILL if the child is still around after a few seconds. */
async function stop(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

async function cleanup() {
	await Promise.all([...owned.children].map(stop));
	if (owned.tmp) await rm(owned.tmp, { recursive: true, force: true });
	owned.tmp = null;
}

// --- Snapshot ------------------------------------------------------------------------------------

/** GET with node:http rather than fetch, because fetch would decode the body we want to measure. */
function rawGet(url, headers) {
	return new Promise((resolve, reject) => {
		http
			.get(url, { headers }, (res) => {
				const chunks = [];
				res.on('data', (chunk) => chunks.push(chunk));
				res.on('end', () =>
					resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) })
				);
				res.on('error', reject);
			})
			.on('error', reject);
	});
}

/** Fetches the snapshot in each encoding and checks that all three decode to the same JSON. */
async function fetchSnapshot(origin) {
	const snapshot = {};
	for (const encoding of ['identity', 'gzip', 'br']) {
		const res = await rawGet(`${origin}${FEED_PATH}`, { 'accept-encoding': encoding });
		const got = res.headers['content-encoding'] ?? 'identity';
		if (res.status !== 200 || got !== encoding) {
			throw new Error(`${FEED_PATH} with ${encoding}: status ${res.status}, encoding ${got}`);
		}
		snapshot[encoding] = {
			body: res.body,
			etag: res.headers.etag,
			cacheControl: res.headers['cache-control']
		};
	}
	const identity = snapshot.identity.body;
	if (
		!gunzipSync(snapshot.gzip.body).equals(identity) ||
		!brotliDecompressSync(snapshot.br.body).equals(identity)
	) {
		throw new Error('The gzip and br snapshots do not decode to the identity body');
	}
	return snapshot;
}

// --- Load ----------------------------------------------------------------------------------------

/** One run against this bench's server, with the connections and duration it was given. */
function load(origin, headers, expectedStatus) {
	return loadFeed({ origin, headers, expectedStatus, connections, duration });
}

/** The 200 and the 304 scenario against one server, both asking for brotli like a phone does. */
async function loadBoth(origin, etag) {
	const full = await load(origin, { 'accept-encoding': 'br' }, 200);
	const revalidated = await load(origin, { 'accept-encoding': 'br', 'if-none-match': etag }, 304);
	return { full, revalidated };
}

// --- Report --------------------------------------------------------------------------------------

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

function printSizes(snapshot) {
	const raw = snapshot.identity.body.length;
	console.log(`Snapshot ${FEED_PATH} (ETag ${snapshot.identity.etag} / ${snapshot.br.etag})`);
	for (const [label, encoding] of [
		['raw', 'identity'],
		['gzip', 'gzip'],
		['brotli', 'br']
	]) {
		const bytes = snapshot[encoding].body.length;
		const share = encoding === 'identity' ? '' : `  (${((bytes / raw) * 100).toFixed(1)} % of raw)`;
		console.log(
			`  ${label.padEnd(7)}${String(bytes).padStart(9)} B  ${kb(bytes).padStart(9)}${share}`
		);
	}
	console.log();
}

function printTable(rows) {
	const header = [
		'scenario',
		'app req/s',
		'app p99 ms',
		'bare req/s',
		'bare p99 ms',
		'app/bare',
		'errors'
	];
	const lines = rows.map(({ scenario, app, bare }) => [
		scenario,
		app.requestsPerSecond.toFixed(0),
		String(app.latencyP99Ms),
		bare.requestsPerSecond.toFixed(0),
		String(bare.latencyP99Ms),
		(app.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
		String(app.errors + bare.errors)
	]);
	const widths = header.map((title, i) =>
		Math.max(title.length, ...lines.map((line) => line[i].length))
	);
	// Scenario names read left-aligned, figures right-aligned.
	const format = (cells) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ');
	console.log(format(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const line of lines) console.log(format(line));
}

async function writeResults(report) {
	const dir = join(root, 'bench', 'results');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `feed-${report.startedAt.replace(/[:.]/g, '-')}.json`);
	await writeFile(file, `${JSON.stringify(report, null, '\t')}\n`);
	return file;
}

// --- Main ----------------------------------------------------------------------------------------

async function main() {
	const startedAt = new Date().toISOString();
	ensureBuild();
	owned.tmp = await mkdtemp(join(os.tmpdir(), 'taibai-bench-'));

	const app = await startApp(owned.tmp);
	console.log(`App up at ${app.origin}, revision ${app.revision}`);
	const snapshot = await fetchSnapshot(app.origin);
	printSizes(snapshot);

	console.log(`Load: ${connections} connections, ${duration} s per run (+1 s warm-up)…`);
	const appResults = await loadBoth(app.origin, snapshot.br.etag);
	// The app is idle from here on, but stop it anyway so the baseline has both cores to itself.
	await stop(app.child);
	const bare = await startBare(owned.tmp, snapshot);
	const bareResults = await loadBoth(bare.origin, snapshot.br.etag);
	console.log();

	const rows = [
		{ scenario: '200 br', app: appResults.full, bare: bareResults.full },
		{ scenario: '304 revalidate', app: appResults.revalidated, bare: bareResults.revalidated }
	];
	printTable(rows);

	const file = await writeResults({
		startedAt,
		node: process.version,
		cpus: os.cpus().length,
		connections,
		durationSeconds: duration,
		revision: app.revision,
		etag: { identity: snapshot.identity.etag, br: snapshot.br.etag },
		sizeBytes: {
			raw: snapshot.identity.body.length,
			gzip: snapshot.gzip.body.length,
			br: snapshot.br.body.length
		},
		scenarios: rows
	});
	console.log(`\nResults written to ${file}`);

	const errors = rows.reduce((sum, { app, bare }) => sum + app.errors + bare.errors, 0);
	if (errors > 0) {
		console.error(`${errors} request(s) errored or got an unexpected status`);
		process.exitCode = 1;
	}
}

// Ctrl-C during a 10 s run should not leave servers listening or a database in /tmp.
for (const [signal, code] of [
	['SIGINT', 130],
	['SIGTERM', 143]
]) {
	process.once(signal, () => {
		console.error(`\n${signal}: stopping the servers…`);
		cleanup().finally(() => process.exit(code));
	});
}

try {
	await main();
} catch (error) {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
} finally {
	await cleanup();
}
