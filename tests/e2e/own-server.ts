import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A server of our own for the operations tests: `node build/index.js` exactly as deployed
 * (adapter-node's entry, with its signal handling), on its own port and a fresh database, so a
 * test may kill it without disturbing the shared browser-test server.
 */
export interface OwnServer {
	origin: string;
	child: ChildProcess;
	dir: string;
	database: string;
	/** Everything the server wrote to stdout so far, line by line. */
	lines: () => string[];
	/** Those lines parsed: all but adapter-node's own "Listening on …" must be JSON. */
	records: () => Record<string, unknown>[];
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startOwnServer(
	port: number,
	env: Record<string, string> = {},
	dir = mkdtempSync(join(tmpdir(), 'taibai-ops-'))
): Promise<OwnServer> {
	const origin = `http://127.0.0.1:${port}`;
	const database = join(dir, 'ops.sqlite');
	const child = spawn(process.execPath, ['build/index.js'], {
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			NODE_ENV: 'test',
			ENABLE_TEST_ROUTES: 'false',
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: `file:${database}`,
			SEED: 'auto',
			...env
		}
	});
	let out = '';
	let err = '';
	child.stdout?.on('data', (chunk) => (out += chunk));
	child.stderr?.on('data', (chunk) => (err += chunk));
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${err}`);
		if (Date.now() > deadline) throw new Error(`server did not start: ${err}`);
		const ok = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) break;
		await new Promise((r) => setTimeout(r, 150));
	}
	return {
		origin,
		child,
		dir,
		database,
		lines: () => out.split('\n').filter(Boolean),
		records: () =>
			out
				.split('\n')
				.filter((line) => line && !line.startsWith('Listening on '))
				.map((line) => JSON.parse(line)),
		exited
	};
}

/** Stops a server that is still running and removes its database directory. */
export async function disposeOwnServer(server: OwnServer | undefined, keepDir = false) {
	if (!server) return;
	if (server.child.exitCode === null && server.child.signalCode === null) {
		server.child.kill('SIGKILL');
		await server.exited;
	}
	if (!keepDir) rmSync(server.dir, { recursive: true, force: true });
}

/** Posts the console's login form, as a browser would, and answers with the server's response. */
export function postLogin(origin: string, email: string, password: string): Promise<Response> {
	return fetch(`${origin}/admin/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({ email, password, next: '/admin' })
	});
}

/** Logs in through the console's form and returns the session cookie. */
export async function logIn(origin: string, email: string, password: string): Promise<string> {
	const response = await postLogin(origin, email, password);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('taibai_session='));
	if (response.status !== 303 || !cookie) throw new Error(`login failed: ${response.status}`);
	return cookie.split(';')[0];
}
