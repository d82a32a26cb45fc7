// The app under test, started the way `npm start` starts it (scripts/start.js): the built server's
// own entry in a process of its own, NODE_ENV=production, the 32 MB body limit and keep-alive start.js sets, the
// sample content seeded into a fresh database. The bench can stop it, kill it and start it again on
// the same database.
import { spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { atCleanup, root, startApp, stop, tempDir } from '../lib/app.js';
import { postgresDb, sqliteDb, type BenchDb } from './bench-db';
import { dropConnections, send, urlencoded, type Answer } from './http';
import { freshPostgresSchema } from '../../tests/helpers/postgres';

export interface Account {
	email: string;
	password: string;
	role: 'admin' | 'editor';
}

export interface Target {
	label: string;
	databaseUrl: string;
	/** The media store's folder: uploads land here. */
	mediaDir: string;
	origin: string;
	port: number;
	db: BenchDb;
	/** Session cookies of the bench's admin and editor. */
	cookies: { admin: string; editor: string };
	accounts: { admin: Account; editor: Account };
	child(): ChildProcess;
	/** Starts the server again (on the same database), optionally with more environment. */
	restart(env?: Record<string, string>): Promise<void>;
	kill(): Promise<void>;
	dispose(): Promise<void>;
}

/** What every bench server runs with, beside what startApp sets (port, ORIGIN, NODE_ENV…). */
function environment(databaseUrl: string, mediaDir: string): Record<string, string> {
	return {
		DATABASE_URL: databaseUrl,
		// A folder of the run's own (with PostgreSQL the default is data/media in the project).
		MEDIA_DIR: mediaDir,
		// As scripts/start.js sets them: recordings of up to 30 MB; idle connections kept 65 s.
		BODY_SIZE_LIMIT: '32M',
		KEEP_ALIVE_TIMEOUT: '65',
		HEADERS_TIMEOUT: '66',
		// A deployment behind TLS: the public origin is https (HSTS, Secure cookies).
		PUBLIC_ORIGIN: 'https://guide.example.test',
		NODE_ENV: 'production'
	};
}

/** Creates an account with the documented command (`npm run admin -- create …`). */
export function createAccount(databaseUrl: string, account: Account, name = account.email): void {
	const result = spawnSync(
		process.execPath,
		['scripts/admin.js', 'create', '--email', account.email, '--name', name].concat([
			'--role',
			account.role,
			'--password-stdin'
		]),
		{
			cwd: root,
			input: `${account.password}\n`,
			env: { ...process.env, DATABASE_URL: databaseUrl },
			encoding: 'utf8'
		}
	);
	if (result.status !== 0) throw new Error(`admin create ${account.email}: ${result.stderr}`);
}

/** One post of the console's login form, answered as it comes (a redirect, a refusal, a lock). */
export function postLogin(origin: string, email: string, password: string): Promise<Answer> {
	return send(origin, {
		method: 'POST',
		path: '/admin/login',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: urlencoded([
			['email', email],
			['password', password],
			['next', '/admin']
		])
	});
}

/** The session cookie a login answer sets, or ''. */
export function sessionCookie(answer: Answer): string {
	const cookie = ([] as string[])
		.concat(answer.headers['set-cookie'] ?? [])
		.find((c) => c.startsWith('taibai_session='));
	return cookie ? cookie.split(';')[0] : '';
}

/** Logs in through the console's login form and answers with the session cookie. */
export async function logIn(origin: string, account: Account): Promise<string> {
	const answer = await postLogin(origin, account.email, account.password);
	const cookie = sessionCookie(answer);
	if (answer.status !== 303 || !cookie) {
		throw new Error(`login of ${account.email} failed: ${answer.status}`);
	}
	return cookie;
}

/** SQLite in a temp dir, or a schema of its own in TEST_DATABASE_URL_PG's database. */
async function freshDatabase(kind: 'sqlite' | 'postgres') {
	if (kind === 'sqlite') {
		const dir = await tempDir('taibai-reliability-');
		const file = join(dir, 'bench.sqlite');
		return { url: `file:${file}`, open: () => sqliteDb(file), drop: async () => {} };
	}
	const schema = await freshPostgresSchema();
	return { url: schema.url, open: () => postgresDb(schema.url), drop: atCleanup(schema.drop) };
}

export async function openTarget(kind: 'sqlite' | 'postgres', port: number): Promise<Target> {
	const database = await freshDatabase(kind);
	const dir = await tempDir('taibai-reliability-app-');
	const mediaDir = join(dir, 'media');
	let app = await startApp({ port, dir, env: environment(database.url, mediaDir) });
	const accounts = {
		admin: { email: 'bench-admin@bureau.example', password: 'bench admin password', role: 'admin' },
		editor: {
			email: 'bench-editor@bureau.example',
			password: 'bench editor password',
			role: 'editor'
		}
	} satisfies Record<string, Account>;
	createAccount(database.url, accounts.admin);
	createAccount(database.url, accounts.editor);
	const cookies = {
		admin: await logIn(app.origin, accounts.admin),
		editor: await logIn(app.origin, accounts.editor)
	};
	const db = database.open();
	return {
		label: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL',
		databaseUrl: database.url,
		mediaDir,
		origin: app.origin,
		port,
		db,
		cookies,
		accounts,
		child: () => app.child,
		async restart(env = {}) {
			dropConnections();
			await stop(app.child);
			app = await startApp({
				port,
				dir,
				env: { ...environment(database.url, mediaDir), ...env }
			});
		},
		async kill() {
			dropConnections();
			const exited = new Promise((resolve) => app.child.once('exit', resolve));
			app.child.kill('SIGKILL');
			await exited;
			// The port is free once the kernel has closed the listener.
			await sleep(50);
		},
		async dispose() {
			dropConnections();
			await stop(app.child);
			await db.close();
			await database.drop();
		}
	};
}
