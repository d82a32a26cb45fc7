// load: autocannon against the feed's delta and a venue page, then the very same bytes (body and
// headers) from a bare node:http server (bench/feed/bare-server.js) in the same run, for the ratio. Only 127.0.0.1;
// every run is bounded by its duration. The ratio printed is the lower of the two (the goal holds
// for both); each one is in the details.
import { fork, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { root, tempDir } from '../lib/app.js';
import { loadPath } from '../feed/load.js';
import { send } from './http';
import type { Target } from './target';

export interface LoadFigures {
	feed: Run;
	page: Run;
	ratio: number;
	details: string[];
}

interface Run {
	rps: number;
	p99: number;
	errors: number;
}

/**
 * Headers that belong to one response or one connection; the bare server sends every other header
 * the app sent (the security headers included), so both put the same bytes on the wire.
 */
const perResponse = new Set([
	'date',
	'connection',
	'keep-alive',
	'transfer-encoding',
	'x-request-id'
]);

interface Scenario {
	name: string;
	path: string;
	headers: Record<string, string>;
	body?: Buffer;
	sent?: Record<string, string>;
}

async function startBare(scenarios: Scenario[]): Promise<{ origin: string; child: ChildProcess }> {
	const dir = await tempDir('taibai-reliability-bare-');
	const routes: Record<string, { headers: Record<string, string>; bodyFile: string }> = {};
	for (const [i, s] of scenarios.entries()) {
		const bodyFile = join(dir, `body-${i}`);
		await writeFile(bodyFile, s.body!);
		routes[s.path] = { headers: s.sent!, bodyFile };
	}
	const routesFile = join(dir, 'routes.json');
	await writeFile(routesFile, JSON.stringify(routes));
	const child = fork(join(root, 'bench/feed/bare-server.js'), {
		stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		env: { ...process.env, BARE_ROUTES: routesFile }
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.once('message', (m) => resolve((m as { port: number }).port));
		child.once('exit', (code) => reject(new Error(`bare-server.js exited with code ${code}`)));
	});
	return { origin: `http://127.0.0.1:${port}`, child };
}

export async function load(t: Target, seconds: number, connections: number): Promise<LoadFigures> {
	const details: string[] = [];
	const full = await send(t.origin, {
		path: '/api/v1/content',
		headers: { 'accept-encoding': 'br' }
	});
	const snapshot = JSON.parse(brotliDecompressSync(full.body).toString());
	const venue = snapshot.venues[0]?.slug;
	if (!venue) throw new Error('load: the feed has no venue to open');
	const scenarios: Scenario[] = [
		{
			name: 'feed',
			path: `/api/v1/content?since=${Math.max(0, snapshot.revision - 5)}`,
			headers: { 'accept-encoding': 'br' }
		},
		{
			name: 'page',
			path: `/venues/${encodeURIComponent(venue)}`,
			headers: { 'accept-encoding': 'br', accept: 'text/html' }
		}
	];
	for (const s of scenarios) {
		const answer = await send(t.origin, { path: s.path, headers: s.headers });
		if (answer.status !== 200) throw new Error(`load: ${s.path} answered ${answer.status}`);
		s.body = answer.body;
		s.sent = Object.fromEntries(
			Object.entries(answer.headers)
				.filter(([name, value]) => value !== undefined && !perResponse.has(name))
				.map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)])
		);
	}
	const bare = await startBare(scenarios);
	const runs: Record<string, { app: Run; bare: Run }> = {};
	try {
		for (const s of scenarios) {
			const measure = async (origin: string): Promise<Run> => {
				const r = await loadPath({
					origin,
					path: s.path,
					headers: s.headers,
					expectedStatus: 200,
					connections,
					duration: seconds,
					timeout: 10
				});
				return { rps: r.requestsPerSecond, p99: r.latencyP99Ms, errors: r.errors };
			};
			runs[s.name] = { app: await measure(t.origin), bare: await measure(bare.origin) };
			const { app, bare: b } = runs[s.name];
			details.push(
				`${s.name} ${s.path} (${s.body!.length} B): app ${app.rps.toFixed(0)} req/s p99 ${app.p99} ms, ` +
					`bare ${b.rps.toFixed(0)} req/s p99 ${b.p99} ms, ratio ${(app.rps / b.rps).toFixed(2)}, errors ${app.errors}/${b.errors}`
			);
		}
	} finally {
		bare.child.kill('SIGTERM');
	}
	const ratio = Math.min(
		...scenarios.map((s) => runs[s.name].app.rps / Math.max(1, runs[s.name].bare.rps))
	);
	details.push(`${connections} connections, ${seconds} s per run (+1 s warm-up), on 127.0.0.1`);
	return { feed: runs.feed.app, page: runs.page.app, ratio, details };
}
