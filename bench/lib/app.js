// Shared by the benchmarks: build the app once, serve it on a given port with a fresh seeded
// database, launch Debian's Chromium the way the browser tests do (visitor, offline), print tables
// and write results.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const root = fileURLToPath(new URL('../..', import.meta.url));
// Generous: a first start migrates and seeds, and benches run on a machine that may be busy.
const STARTUP_TIMEOUT_MS = 90_000;

/** Chromium flags: without them it tries to reach Google's services, which a closed network refuses. */
export const chromiumFlags = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise (as in playwright.config.ts). */
export const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

export const launchOptions = {
	executablePath: chromiumPath || undefined,
	args: chromiumFlags
};

/** Map tile servers: never reached from a benchmark (there is no network here, and OSM forbids it). */
export const tileHosts = /tile\.openstreetmap\.org|tianditu\.gov\.cn/;

/** Child processes and temp dirs to clean up, however the run ends. */
const owned = { children: new Set(), dirs: new Set(), work: new Set() };

export function positiveInt(name, fallback) {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer`);
	return value;
}

/** The app is benchmarked as deployed, so build it once if there is no build yet. */
export function ensureBuild() {
	if (existsSync(join(root, 'build', 'index.js'))) return;
	console.log('No build/index.js: building the app…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

export async function tempDir(prefix) {
	const dir = await mkdtemp(join(os.tmpdir(), prefix));
	owned.dirs.add(dir);
	return dir;
}

/** A port of 127.0.0.1 that was free a moment ago (adapter-node and nginx need a number, not 0). */
export async function freePort() {
	const server = createServer();
	await new Promise((resolve, reject) =>
		server.once('error', reject).listen(0, '127.0.0.1', resolve)
	);
	const { port } = server.address();
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** Fails early with a clear message when someone else is already listening on our port. */
async function assertPortFree(port) {
	const server = createServer();
	await new Promise((resolve, reject) =>
		server
			.once('error', (error) =>
				reject(
					error.code === 'EADDRINUSE'
						? new Error(`Port ${port} is in use: stop what listens there or set another port`)
						: error
				)
			)
			.listen(port, '127.0.0.1', resolve)
	);
	await new Promise((resolve) => server.close(resolve));
}

function captureOutput(child) {
	let log = '';
	const keep = (chunk) => (log = (log + chunk).slice(-4000));
	child.stdout?.on('data', keep);
	child.stderr?.on('data', keep);
	return () => log;
}

/**
 * Starts `node build/index.js` on `port` with a fresh database in `dir` (so the sample content is
 * seeded for today) and waits for /healthz. `env` adds variables, e.g. the test-only routes.
 */
export async function startApp({ port, dir, env = {} }) {
	await assertPortFree(port);
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: root,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			NODE_ENV: 'production',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: `file:${join(dir, 'bench.sqlite')}`,
			SEED: 'auto',
			...env
		}
	});
	owned.children.add(child);
	child.once('exit', () => owned.children.delete(child));
	const output = captureOutput(child);
	const deadline = Date.now() + STARTUP_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) {
			throw new Error(`The app exited with code ${child.exitCode}\n${output()}`);
		}
		try {
			const response = await fetch(`${origin}/healthz`);
			if (response.status === 200) {
				const health = await response.json();
				return { origin, child, revision: health.revision };
			}
		} catch {
			// Not listening yet.
		}
		await sleep(200);
	}
	throw new Error(
		`The app did not answer /healthz within ${STARTUP_TIMEOUT_MS / 1000} s\n${output()}`
	);
}

/** SIGTERM, then SIGKILL if the child is still around after a few seconds. */
export async function stop(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
	await exited;
	clearTimeout(timer);
}

/**
 * Registers `work` to be done when the run ends however it ends (Ctrl-C included): a database
 * schema to drop, which left behind would confuse the next run's migrations. Answers a function
 * that does it now instead, once.
 * @param {() => Promise<void>} work
 * @returns {() => Promise<void>}
 */
export function atCleanup(work) {
	owned.work.add(work);
	return async () => {
		if (owned.work.delete(work)) await work();
	};
}

export async function cleanup() {
	await Promise.all([...owned.children].map(stop));
	for (const work of [...owned.work]) {
		owned.work.delete(work);
		await work().catch((error) => console.error(error));
	}
	await Promise.all([...owned.dirs].map((dir) => rm(dir, { recursive: true, force: true })));
	owned.dirs.clear();
}

/** Runs `main` and cleans up after it, also on an error or Ctrl-C. */
export async function run(main) {
	for (const [signal, code] of [
		['SIGINT', 130],
		['SIGTERM', 143]
	]) {
		process.once(signal, () => {
			console.error(`\n${signal}: stopping…`);
			cleanup().finally(() => process.exit(code));
		});
	}
	try {
		await main();
	} catch (error) {
		console.error(error instanceof Error ? (error.stack ?? error.message) : error);
		process.exitCode = 1;
	} finally {
		await cleanup();
	}
}

// --- HTTP ----------------------------------------------------------------------------------------

/**
 * A request with node:http rather than fetch, because fetch decodes the body we want to measure.
 * `headerBytes` is the size of the status line and headers as they came over the wire (HTTP/1.1).
 */
export function rawRequest(url, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method, headers }, (res) => {
			const chunks = [];
			res.on('data', (chunk) => chunks.push(chunk));
			res.on('end', () => {
				let headerBytes = `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage}\r\n`
					.length;
				for (let i = 0; i < res.rawHeaders.length; i += 2) {
					headerBytes += Buffer.byteLength(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}\r\n`);
				}
				headerBytes += 2;
				resolve({
					status: res.statusCode,
					headers: res.headers,
					body: Buffer.concat(chunks),
					headerBytes
				});
			});
			res.on('error', reject);
		});
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * The gzip and raw size of a served file: what the server sends for `accept-encoding: gzip`, or the
 * body gzipped here when the server sends it as it is (images, tiny files).
 */
const gzipCache = new Map();
export async function servedGzipSize(url) {
	if (!gzipCache.has(url)) {
		gzipCache.set(
			url,
			(async () => {
				const res = await rawRequest(url, { headers: { 'accept-encoding': 'gzip' } });
				if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
				const gzipped = res.headers['content-encoding'] === 'gzip';
				return {
					gzip: gzipped ? res.body.length : gzipBytes(res.body),
					raw: gzipped ? gunzipSync(res.body).length : res.body.length
				};
			})()
		);
	}
	return gzipCache.get(url);
}

export const gzipBytes = (buffer) => gzipSync(buffer, { level: 9 }).length;

// --- Output --------------------------------------------------------------------------------------

/** KB means 1024 bytes everywhere in these benchmarks. */
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** A plain table: the first column left-aligned, the others right-aligned. */
export function printTable(header, rows) {
	const lines = rows.map((row) => row.map(String));
	const widths = header.map((title, i) =>
		Math.max(title.length, ...lines.map((line) => line[i].length))
	);
	const format = (cells) =>
		cells
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join('  ');
	console.log(format(header));
	console.log(widths.map((width) => '-'.repeat(width)).join('  '));
	for (const line of lines) console.log(format(line));
}

export async function writeResults(name, report) {
	const dir = join(root, 'bench', 'results');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${name}-${report.startedAt.replace(/[:.]/g, '-')}.json`);
	await writeFile(file, `${JSON.stringify(report, null, '\t')}\n`);
	return file;
}
