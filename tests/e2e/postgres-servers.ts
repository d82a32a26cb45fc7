import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The PostgreSQL the tests may use (`.ci/run` starts one); see the README, "Tests on PostgreSQL". */
export const postgresUrl = process.env.TEST_DATABASE_URL_PG || undefined;
/** Where PostgreSQL is required (CI), a missing one fails instead of being reported as not run. */
export const postgresRequired =
	process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === 'true';

async function admin(query: string): Promise<void> {
	const client = new pg.Client({ connectionString: postgresUrl });
	await client.connect();
	try {
		await client.query(query);
	} finally {
		await client.end();
	}
}

/** A new empty schema in the test database and a URL whose connections use it. */
export async function freshSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
	const schema = `e2e_${randomBytes(6).toString('hex')}`;
	await admin(`create schema ${schema}`);
	const url = new URL(postgresUrl as string);
	url.searchParams.set('options', `-c search_path=${schema}`);
	return { url: url.toString(), drop: () => admin(`drop schema ${schema} cascade`) };
}

/** Starts the built app (`node build`, as in production) on `port` against `databaseUrl`. */
export function startServer(port: number, databaseUrl: string): ChildProcess {
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn('node', ['build'], {
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin,
			DATABASE_URL: databaseUrl,
			SEED: 'auto',
			// Test mode: the demo account exists and cookies work over plain http.
			NODE_ENV: 'test',
			ENABLE_TEST_ROUTES: 'false'
		},
		stdio: ['ignore', 'ignore', 'pipe']
	});
	child.stderr?.on('data', (chunk) => process.stderr.write(`[server ${port}] ${chunk}`));
	return child;
}

/** Resolves once `origin` answers /healthz, or rejects after `timeoutMs`. */
export async function waitUntilUp(origin: string, timeoutMs = 30_000): Promise<void> {
	const end = Date.now() + timeoutMs;
	while (Date.now() < end) {
		const ok = await fetch(`${origin}/healthz`)
			.then((r) => r.ok)
			.catch(() => false);
		if (ok) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${origin} did not start within ${timeoutMs} ms`);
}
