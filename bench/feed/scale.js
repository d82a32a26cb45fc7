// `npm run bench:feed:scale` (also the second half of `npm run bench:feed`): feed throughput and
// p99 latency at 64 and 256 connections for the deployments the README describes:
//
//   sqlite        one app server on SQLite
//   postgres      one app server on PostgreSQL               (only when BENCH_PG_URL is set)
//   nginx+sqlite  two app servers behind nginx, one SQLite file shared on this machine
//   nginx+pg      two app servers behind nginx on PostgreSQL (only when BENCH_PG_URL is set)
//
// Each runs the two requests phones make: the snapshot in brotli (200) and a revalidation with the
// current ETag (304). nginx is Debian's (`apt-get install nginx-light`), started from a temporary
// configuration as our child and stopped at the end; it only balances (round robin, keep-alive to
// the upstreams) and caches nothing, so the figures are the app servers' and not a cache's.
// Figures, not a test: it exits non-zero only when a request failed or got an unexpected status.
//
// Environment: BENCH_DURATION (seconds per run, default 10), BENCH_PG_URL (postgres://… of a
// database the benchmark may fill: the app migrates it and seeds the sample content if it is
// empty), BENCH_TOPOLOGIES (comma-separated subset of the names above), NGINX (binary, default
// nginx on PATH or /usr/sbin/nginx). The app servers log every request as JSON (REQUEST_LOG=json,
// the default, to a pipe this script drains), as they would in production; REQUEST_LOG=off in the
// environment measures them without.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import {
	ensureBuild,
	freePort,
	positiveInt,
	printTable,
	run,
	startApp,
	stop,
	tempDir,
	writeResults
} from '../lib/app.js';
import { FEED_PATH, loadFeed } from './load.js';

const duration = positiveInt('BENCH_DURATION', 10);
const connectionCounts = [64, 256];
const pgUrl = process.env.BENCH_PG_URL || '';

function nginxBinary() {
	if (process.env.NGINX) return process.env.NGINX;
	const found = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' }).stdout.trim();
	if (found) return found;
	if (existsSync('/usr/sbin/nginx')) return '/usr/sbin/nginx';
	return null;
}

/** nginx in front of `upstreams`, from a config in `dir`, in the foreground as our child. */
async function startNginx(dir, upstreams) {
	const binary = nginxBinary();
	if (!binary) throw new Error('nginx is not installed: apt-get install -y nginx-light');
	const port = await freePort();
	const conf = join(dir, 'nginx.conf');
	await writeFile(
		conf,
		`# Written by bench/feed/scale.js for one run; deleted with its directory.
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 2048; }
http {
	access_log off;
	client_body_temp_path ${dir}/client_body;
	proxy_temp_path ${dir}/proxy;
	fastcgi_temp_path ${dir}/fastcgi;
	uwsgi_temp_path ${dir}/uwsgi;
	scgi_temp_path ${dir}/scgi;
	upstream app {
${upstreams.map((origin) => `\t\tserver ${new URL(origin).host};`).join('\n')}
		keepalive 128;
	}
	server {
		listen 127.0.0.1:${port};
		location / {
			proxy_pass http://app;
			proxy_http_version 1.1;
			proxy_set_header Connection "";
			proxy_set_header Host $host;
			proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
			proxy_set_header X-Request-Id $request_id;
			# The snapshot is ~30 KB of brotli: keep it in memory, never in a temp file.
			proxy_buffers 16 16k;
			proxy_max_temp_file_size 0;
		}
	}
}
`
	);
	const child = spawn(binary, ['-e', join(dir, 'error.log'), '-p', dir, '-c', conf], {
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stderr.on('data', (chunk) => (output += chunk));
	const origin = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 10_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`nginx exited ${child.exitCode}: ${output}`);
		const ok = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return { origin, child };
		await sleep(100);
	}
	child.kill('SIGKILL');
	throw new Error(`nginx did not answer within 10 s: ${output}`);
}

/** App servers of one topology; more than one share the database (SQLite file or PostgreSQL). */
async function startServers(count, database) {
	const dir = await tempDir('taibai-scale-');
	const env = database === 'postgres' ? { DATABASE_URL: pgUrl } : {};
	const servers = [];
	// One after the other: the first migrates and seeds, the others find the database ready.
	for (let i = 0; i < count; i++) {
		servers.push(await startApp({ port: await freePort(), dir, env }));
	}
	return { dir, servers };
}

/** One run; a response slower than 30 s counts as an error (autocannon's default is 10 s, which a
 * shared machine under load can exceed without anything being wrong with the app). */
function load(origin, headers, expectedStatus, connections) {
	return loadFeed({ origin, headers, expectedStatus, connections, duration, timeout: 30 });
}

const topologies = [
	{ name: 'sqlite', servers: 1, database: 'sqlite', proxy: false },
	{ name: 'postgres', servers: 1, database: 'postgres', proxy: false },
	{ name: 'nginx+sqlite', servers: 2, database: 'sqlite', proxy: true },
	{ name: 'nginx+pg', servers: 2, database: 'postgres', proxy: true }
];

function chosenTopologies() {
	const wanted = process.env.BENCH_TOPOLOGIES?.split(',').map((s) => s.trim());
	return topologies.filter((t) => {
		if (wanted && !wanted.includes(t.name)) return false;
		if (t.database === 'postgres' && !pgUrl) {
			console.log(`${t.name}: skipped (set BENCH_PG_URL=postgres://… to measure it)`);
			return false;
		}
		return true;
	});
}

async function measure(topology) {
	const { dir, servers } = await startServers(topology.servers, topology.database);
	const nginx = topology.proxy
		? await startNginx(
				dir,
				servers.map((s) => s.origin)
			)
		: null;
	const origin = nginx?.origin ?? servers[0].origin;
	const probe = await fetch(`${origin}${FEED_PATH}`, { headers: { 'accept-encoding': 'br' } });
	const etag = probe.headers.get('etag');
	await probe.arrayBuffer();
	if (probe.status !== 200 || !etag)
		throw new Error(`${topology.name}: the feed answered ${probe.status}`);
	const rows = [];
	for (const connections of connectionCounts) {
		for (const [scenario, headers, status] of [
			['200 br', { 'accept-encoding': 'br' }, 200],
			['304 revalidate', { 'accept-encoding': 'br', 'if-none-match': etag }, 304]
		]) {
			console.log(`  ${topology.name}: ${scenario}, ${connections} connections…`);
			rows.push({
				topology: topology.name,
				scenario,
				connections,
				...(await load(origin, headers, status, connections))
			});
		}
	}
	if (nginx) await stop(nginx.child);
	await Promise.all(servers.map((s) => stop(s.child)));
	return rows;
}

await run(async () => {
	const startedAt = new Date().toISOString();
	ensureBuild();
	console.log(
		`Feed ${FEED_PATH}: ${duration} s per run (+1 s warm-up), ${os.cpus().length} CPUs, load ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}`
	);
	const rows = [];
	for (const topology of chosenTopologies()) rows.push(...(await measure(topology)));
	console.log();
	printTable(
		['topology', 'scenario', 'connections', 'req/s', 'p99 ms', 'avg ms', 'errors', 'timeouts'],
		rows.map((r) => [
			r.topology,
			r.scenario,
			r.connections,
			r.requestsPerSecond.toFixed(0),
			r.latencyP99Ms,
			r.latencyAverageMs.toFixed(1),
			r.errors,
			r.timeouts
		])
	);
	const file = await writeResults('feed-scale', {
		startedAt,
		node: process.version,
		cpus: os.cpus().length,
		loadAverage: os.loadavg(),
		durationSeconds: duration,
		rows
	});
	console.log(`\nResults written to ${file}`);
	const errors = rows.reduce((sum, r) => sum + r.errors, 0);
	if (errors > 0) {
		console.error(`${errors} request(s) errored or got an unexpected status`);
		process.exitCode = 1;
	}
});
