import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import http from 'node:http';
import { expect, test } from '@playwright/test';
import { demo } from './admin-helpers';
import { disposeOwnServer, logIn, postLogin, startOwnServer, type OwnServer } from './own-server';

// Ports of this file's own servers (the shared browser-test server keeps E2E_PORT).
const base = Number(process.env.E2E_PORT ?? 4173);
const ports = { shutdown: base + 1, crash: base + 2, restart: base + 3, ops: base + 4 };
const metricsPort = base + 5;

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

const contentTables = ['venues', 'events', 'festivals', 'tours'] as const;

/** A brand-new TCP connection, so a kept-alive socket cannot hide that the listener is gone. */
function freshConnection(origin: string): Promise<number> {
	return new Promise((resolve, reject) => {
		const req = http.get(`${origin}/healthz`, { agent: false }, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.on('error', reject);
	});
}

/**
 * A login post on its own connection that stays in flight until `finish()`: the headers and half
 * the form go out at once, the rest only when the test says so. The server has accepted the
 * request and is reading its body meanwhile.
 */
function slowLogin(origin: string, email: string) {
	const body = new URLSearchParams({ email, password: 'wrong words' }).toString();
	const half = Math.floor(body.length / 2);
	let req!: http.ClientRequest;
	const answered = new Promise<{ status: number; body: string; at: number }>((resolve, reject) => {
		req = http.request(
			`${origin}/admin/login`,
			{
				method: 'POST',
				agent: false,
				headers: {
					origin,
					accept: 'text/html',
					'content-type': 'application/x-www-form-urlencoded',
					'content-length': String(Buffer.byteLength(body))
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text, at: Date.now() }));
			}
		);
		req.on('error', reject);
		req.write(body.slice(0, half));
	});
	return { answered, finish: () => req.end(body.slice(half)) };
}

test('stops taking requests on SIGTERM, finishes those in flight, closes the database and exits 0', async () => {
	const server = await startOwnServer(ports.shutdown);
	try {
		const { origin } = server;
		const inFlight = Array.from({ length: 4 }, (_, i) =>
			slowLogin(origin, `nobody${i}@bureau.example`)
		);
		// The server has accepted every one of them and is waiting for the rest of their bodies.
		await new Promise((r) => setTimeout(r, 500));
		const signalledAt = Date.now();
		server.child.kill('SIGTERM');
		await expect
			.poll(() => server.lines().some((l) => l.includes('"shutdown started"')))
			.toBe(true);
		// The listener is closed: a new connection is refused (or reset, if the kernel had queued it).
		await expect(freshConnection(origin)).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);

		// The requests that were in flight at the signal complete, and are answered in full: the
		// login page again, saying the email or password is wrong.
		for (const request of inFlight) request.finish();
		const answers = await Promise.all(inFlight.map((request) => request.answered));
		expect(answers.map((a) => a.status)).toEqual(Array(4).fill(400));
		expect(answers.every((a) => a.body.includes('</html>') && a.at > signalledAt)).toBe(true);

		expect(await server.exited).toEqual({ code: 0, signal: null });
		const events = server.records();
		expect(events.filter((e) => e.msg === 'request' && e.route === '/admin/login')).toHaveLength(4);
		const stopped = events.findIndex((e) => e.msg === 'shutdown complete');
		expect(events.findIndex((e) => e.msg === 'shutdown started')).toBeLessThan(stopped);
		expect(stopped).toBe(events.length - 1);

		// Closed cleanly: the last connection folded SQLite's write-ahead log into the database file
		// and removed it (after a SIGKILL it stays behind).
		expect(existsSync(`${server.database}-wal`)).toBe(false);
		const db = new Database(server.database, { readonly: true });
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		db.close();
	} finally {
		await disposeOwnServer(server);
	}
});

/** `node scripts/ops.js …` (npm run backup/restore/verify) without blocking the test's event loop. */
function runOps(args: string[], databaseUrl: string) {
	return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
		const child = spawn('node', ['scripts/ops.js', ...args], {
			env: { ...process.env, DATABASE_URL: databaseUrl }
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}

test('a backup taken and a SIGKILL in the middle of a burst of editor saves leave consistent databases', async () => {
	const crashed = await startOwnServer(ports.crash);
	let restarted: OwnServer | undefined;
	try {
		const { origin } = crashed;
		const cookie = await logIn(origin, demo.email, demo.password);
		const seeded = new Database(crashed.database, { readonly: true });
		const events = seeded
			.prepare("select id, version from events where status = 'published' order by id limit 6")
			.all() as { id: string; version: number }[];
		seeded.close();
		expect(events).toHaveLength(6);

		// Six editors at once, each toggling one event between draft and published through the
		// console's own form actions; every 303 is a save the server confirmed.
		const confirmed = new Map(events.map((e) => [e.id, e.version]));
		let saves = 0;
		let killed = false;
		const editor = async (id: string) => {
			let version = confirmed.get(id)!;
			for (let i = 0; !killed; i++) {
				const action = i % 2 === 0 ? 'unpublish' : 'publish';
				const response = await fetch(`${origin}/admin/events/${id}?/${action}`, {
					method: 'POST',
					redirect: 'manual',
					headers: {
						origin,
						cookie,
						accept: 'text/html',
						'content-type': 'application/x-www-form-urlencoded'
					},
					body: new URLSearchParams({ version: String(version) })
				}).catch(() => null);
				if (!response) return;
				expect(response.status).toBe(303);
				version++;
				confirmed.set(id, version);
				saves++;
			}
		};
		const editors = events.map((e) => editor(e.id));
		await expect.poll(() => saves, { timeout: 20_000 }).toBeGreaterThan(10);

		// An operator's backup in the middle of the burst: one consistent moment, checked.
		const snapshot = join(crashed.dir, 'during-burst.snapshot');
		const backup = await runOps(['backup', snapshot], `file:${crashed.database}`);
		expect(backup.stdout).toMatch(/SQLite snapshot at revision \d+ written to/);
		expect(backup.code).toBe(0);
		const savesAfterBackup = saves;
		expect((await runOps(['verify'], `file:${snapshot}`)).stdout).toMatch(
			/^Consistent at revision/
		);

		await expect.poll(() => saves, { timeout: 20_000 }).toBeGreaterThan(savesAfterBackup + 20);
		killed = true;
		crashed.child.kill('SIGKILL');
		await Promise.all(editors);
		expect(await crashed.exited).toEqual({ code: null, signal: 'SIGKILL' });

		const db = new Database(crashed.database);
		expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
		const counter = (
			db.prepare("select value from meta where key = 'revision'").get() as {
				value: number;
			}
		).value;
		const revisions = [...contentTables, 'holiday_years'].flatMap((table) =>
			(db.prepare(`select revision from ${table}`).all() as { revision: number }[]).map(
				(r) => r.revision
			)
		);
		expect(counter).toBe(Math.max(...revisions));
		expect(new Set(revisions).size).toBe(revisions.length);
		for (const { id } of events) {
			const row = db.prepare('select version, status from events where id = ?').get(id) as {
				version: number;
				status: string;
			};
			const audited = db
				.prepare(
					"select max(version) as v from audit_log where entity_type = 'events' and entity_id = ?"
				)
				.get(id) as { v: number };
			// Every confirmed save is there; at most the one in flight when the kill came is extra;
			// and a record and its audit entry were committed together or not at all.
			expect(row.version).toBeGreaterThanOrEqual(confirmed.get(id)!);
			expect(row.version).toBeLessThanOrEqual(confirmed.get(id)! + 1);
			expect(audited.v).toBe(row.version);
		}
		db.close();

		// The operator's check agrees, and it builds the feed snapshot and validates it against the
		// schema phones apply.
		const verified = await runOps(['verify'], `file:${crashed.database}`);
		expect(verified.stderr).toBe('');
		expect(verified.stdout.trim()).toBe(`Consistent at revision ${counter}`);

		// A restarted server serves that very revision, without the events that were unpublished.
		restarted = await startOwnServer(ports.restart, {}, crashed.dir);
		const feed = await (await fetch(`${restarted.origin}/api/v1/content`)).json();
		expect(feed.revision).toBe(counter);
		const published = events.filter((e) => feed.events.some((f: { id: string }) => f.id === e.id));
		const check = new Database(crashed.database, { readonly: true });
		const stillPublic = check
			.prepare(
				`select count(*) as n from events where public = 1 and id in (${events.map(() => '?').join(',')})`
			)
			.get(...events.map((e) => e.id)) as { n: number };
		check.close();
		expect(published).toHaveLength(stillPublic.n);
	} finally {
		await disposeOwnServer(restarted, true);
		await disposeOwnServer(crashed);
	}
});

test.describe('an operated server', () => {
	let server: OwnServer;
	test.beforeAll(async () => {
		server = await startOwnServer(ports.ops, { METRICS_PORT: String(metricsPort) });
	});
	test.afterAll(async () => {
		await disposeOwnServer(server);
	});

	test('logs one JSON line per request and never a password, cookie or token', async () => {
		const password = `wrong-${Date.now()}-horse`;
		const { origin } = server;
		const refused = await postLogin(origin, demo.email, password);
		expect(refused.status).toBe(400);
		const cookie = await logIn(origin, demo.email, demo.password);
		await fetch(`${origin}/admin?token=s3cr3t-reset-token`, {
			headers: { cookie },
			redirect: 'manual'
		});
		await expect
			.poll(() => server.lines().filter((l) => l.includes('"path":"/admin?token=…"')).length)
			.toBe(1);

		const text = server.lines().join('\n');
		for (const secret of [password, demo.password, cookie.split('=')[1], 's3cr3t-reset-token']) {
			expect(text).not.toContain(secret);
		}
		const requests = server.records().filter((e) => e.msg === 'request');
		const login: Record<string, unknown> | undefined = requests.find(
			(e) => e.route === '/admin/login' && e.status === 400
		);
		expect(login).toMatchObject({ method: 'POST', path: '/admin/login', level: 'info' });
		expect(Object.keys(login ?? {}).sort()).toEqual(
			[
				'bytes',
				'durationMs',
				'level',
				'method',
				'msg',
				'path',
				'requestId',
				'route',
				'status',
				'time'
			].sort()
		);
		expect(login?.durationMs).toBeGreaterThan(0);
		expect(new Date(String(login?.time)).getTime()).toBeGreaterThan(Date.now() - 60_000);
		expect(refused.headers.get('x-request-id')).toBe(login?.requestId);
	});

	test('answers liveness at /healthz and readiness at /readyz', async () => {
		const health = await fetch(`${server.origin}/healthz`);
		expect(health.status).toBe(200);
		expect(await health.json()).toMatchObject({ status: 'ok', revision: expect.any(Number) });
		const ready = await fetch(`${server.origin}/readyz`);
		expect(ready.status).toBe(200);
		expect(ready.headers.get('cache-control')).toBe('no-store');
		expect(await ready.json()).toEqual({ status: 'ready' });
	});

	test('serves Prometheus metrics on the operator port only: routes, feed revisions and the 304 ratio', async () => {
		const feed = `${server.origin}/api/v1/content`;
		const full = await fetch(feed, { headers: { 'accept-encoding': 'br' } });
		const etag = full.headers.get('etag')!;
		await full.arrayBuffer();
		const again = await fetch(feed, {
			headers: { 'accept-encoding': 'br', 'if-none-match': etag }
		});
		expect(again.status).toBe(304);
		const revision = /^"r(\d+)/.exec(etag)![1];

		expect((await fetch(`${server.origin}/metrics`)).status).toBe(404);
		const scrape = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
		expect(scrape.status).toBe(200);
		const text = await scrape.text();
		expect(text).toMatch(
			/taibai_http_requests_total\{method="GET",route="\/api\/v1\/content",status="200"\} [1-9]/
		);
		expect(text).toMatch(
			/taibai_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/content"\} [2-9]/
		);
		expect(text).toContain('taibai_feed_responses_total{status="304",kind="full"} 1');
		expect(text).toContain(`taibai_feed_revision_served ${revision}`);
		expect(text).toMatch(/taibai_feed_not_modified_ratio 0\.5\b/);
	});

	test('answers a feed 304 and a kept page from memory, logged and counted like any request', async () => {
		const { origin } = server;
		const full = await fetch(`${origin}/api/v1/content`);
		const etag = full.headers.get('etag')!;
		await full.arrayBuffer();
		const revalidated = await fetch(`${origin}/api/v1/content`, {
			headers: { 'if-none-match': etag }
		});
		expect(revalidated.status).toBe(304);
		for (const header of ['x-content-type-options', 'referrer-policy', 'cache-control', 'vary']) {
			expect(revalidated.headers.get(header), header).toBe(full.headers.get(header));
		}
		await (await fetch(`${origin}/en/venues`)).arrayBuffer();
		const kept = await fetch(`${origin}/en/venues`);
		expect(kept.status).toBe(200);
		expect(await kept.text()).toContain('<html lang="en"');
		expect(kept.headers.get('cache-control')).toBe('private, no-cache');

		const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
		expect(text).toMatch(/taibai_http_early_answers_total\{route="\/api\/v1\/content"\} [1-9]/);
		expect(text).toMatch(
			/taibai_http_early_answers_total\{route="\/\(visitor\)\/\[\[lang=lang\]\]\/venues"\} [1-9]/
		);
		for (const response of [revalidated, kept]) {
			const id = response.headers.get('x-request-id');
			await expect
				.poll(() => server.records().find((r) => r.requestId === id), { timeout: 5000 })
				.toMatchObject({ msg: 'request', method: 'GET', status: response.status });
		}
	});

	test('lets a CDN cache the feeds briefly, assets for a year, and never pages', async () => {
		const { origin } = server;
		for (const path of ['/api/v1/content', '/api/v1/content?since=1', '/api/v1/events.ics']) {
			const response = await fetch(`${origin}${path}`);
			expect(response.headers.get('cache-control'), path).toBe(
				'public, max-age=30, stale-while-revalidate=300'
			);
			expect(response.headers.get('etag'), path).toMatch(/^"r\d+/);
			await response.arrayBuffer();
		}
		const home = await fetch(`${origin}/`);
		expect(home.headers.get('cache-control')).toBe('private, no-cache');
		const html = await home.text();
		const asset = /\/_app\/immutable\/[^"']+\.js/.exec(html)?.[0];
		expect(asset).toBeTruthy();
		const script = await fetch(`${origin}${asset}`);
		expect(script.status).toBe(200);
		expect(script.headers.get('cache-control')).toMatch(/public.*max-age=31536000.*immutable/);

		for (const path of ['/admin/login', '/admin/__data.json']) {
			const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
			expect(response.headers.get('cache-control'), path).toBe('private, no-store');
			await response.arrayBuffer();
		}
		const worker = await fetch(`${origin}/service-worker.js`);
		expect(worker.headers.get('cache-control') ?? '').not.toMatch(/immutable/);
	});
});
