import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, request, type APIRequestContext, type Browser, type Page } from '@playwright/test';

/** The browser tests' database (see playwright.config.ts), read directly to prove what changed. */
export const e2eDatabase = 'test-results/e2e-data/e2e.sqlite';

/** Reads the browser tests' database once, read-only, and closes it whatever `read` does. */
function readDatabase<T>(read: (db: Database.Database) => T): T {
	const db = new Database(e2eDatabase, { readonly: true, fileMustExist: true });
	try {
		return read(db);
	} finally {
		db.close();
	}
}

type RecordTable = 'events' | 'venues' | 'festivals' | 'tours';

export const demo = { email: 'demo@taibai.example', password: 'taibai-demo-2026' };

/** Photo files the test server has stored (its media directory is made at the first upload). */
export function mediaFiles(): string[] {
	const dir = 'test-results/e2e-data/media';
	return existsSync(dir) ? readdirSync(dir) : [];
}

/** Creates an account with the documented command, as an operator would on the server. */
export function createAccount(
	email: string,
	role: 'admin' | 'editor',
	password: string,
	name = email
) {
	const result = spawnSync(
		'node',
		[
			'scripts/admin.js',
			'create',
			'--email',
			email,
			'--name',
			name,
			'--role',
			role,
			'--password-stdin'
		],
		{
			input: `${password}\n`,
			env: { ...process.env, DATABASE_URL: `file:${e2eDatabase}` },
			encoding: 'utf8'
		}
	);
	if (result.status !== 0 && !/already exists/.test(result.stderr)) {
		throw new Error(`admin create failed: ${result.stderr}`);
	}
}

/** The test server's address, as playwright.config.ts sets it. */
export const serverURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** Counts that must not move when a request is refused. */
export function databaseState() {
	return readDatabase((db) => {
		const one = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
		return {
			revision: one("select value as n from meta where key = 'revision'"),
			audit: one('select count(*) as n from audit_log'),
			users: one('select count(*) as n from users'),
			events: one('select count(*) as n from events where deleted_at is null')
		};
	});
}

/** Ids of live records, in a stable order. */
export function recordIds(table: RecordTable, count = 1): string[] {
	return readDatabase((db) =>
		(
			db
				.prepare(`select id from ${table} where deleted_at is null order by id limit ?`)
				.all(count) as { id: string }[]
		).map((r) => r.id)
	);
}

/**
 * The id of the live record with this slug. Tests that change a record pick it by name: the
 * first id in order is whichever record happens to sort first (other tests create records with
 * random ids), so a photo or recording meant for "any venue" could land on one a tour passes.
 */
export function recordIdBySlug(table: RecordTable, slug: string): string {
	const row = readDatabase(
		(db) =>
			db.prepare(`select id from ${table} where slug = ? and deleted_at is null`).get(slug) as
				{ id: string } | undefined
	);
	if (!row) throw new Error(`no live ${table} record with slug ${slug}`);
	return row.id;
}

export function recordVersion(table: RecordTable, id: string): number {
	return readDatabase(
		(db) =>
			(db.prepare(`select version from ${table} where id = ?`).get(id) as { version: number })
				.version
	);
}

/**
 * An HTTP client that posts forms like a browser on the console's own pages: same origin, asking for
 * HTML (SvelteKit answers JSON ActionResults to clients that prefer JSON), redirects not followed.
 */
export async function client(baseURL: string): Promise<APIRequestContext> {
	return request.newContext({
		baseURL,
		extraHTTPHeaders: { origin: baseURL, accept: 'text/html' },
		maxRedirects: 0
	});
}

export async function loggedIn(baseURL: string, email: string, password: string) {
	const http = await client(baseURL);
	const response = await http.post('/admin/login', { form: { email, password, next: '/admin' } });
	if (response.status() !== 303 || response.headers().location !== '/admin') {
		throw new Error(`login of ${email} failed: ${response.status()}`);
	}
	return http;
}

export function userRow(email: string): { id: string; role: string; disabled: number } {
	return readDatabase(
		(db) =>
			db.prepare('select id, role, disabled from users where email = ?').get(email) as {
				id: string;
				role: string;
				disabled: number;
			}
	);
}

/** A desktop console tab, logged in through the login page (map tiles refused: no network). */
export async function openConsole(
	browser: Browser,
	who: { email: string; password: string }
): Promise<Page> {
	const context = await browser.newContext({
		baseURL: serverURL,
		viewport: { width: 1280, height: 900 },
		locale: 'zh-CN'
	});
	await context.route(/tile\.openstreetmap\.org|tianditu\.gov\.cn|tiles\.example\.test/, (route) =>
		route.abort()
	);
	const page = await context.newPage();
	await page.goto('/admin/events');
	await expect(page).toHaveURL(/\/admin\/login\?next=%2Fadmin%2Fevents$/);
	await page.getByLabel('邮箱').fill(who.email);
	await page.getByLabel('密码').fill(who.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(/\/admin\/events$/);
	return page;
}

/** Uploads a programme file on the import page, for the first festival, and asks for its preview. */
export async function previewImport(page: Page, content: string): Promise<void> {
	await page.goto('/admin/import');
	// Choices made before the page is interactive would be reset by hydration.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('节庆').selectOption({ index: 1 });
	await page.getByLabel('CSV 或 ICS 文件（UTF-8）').setInputFiles({
		name: 'programme.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(content, 'utf8')
	});
	await page.getByRole('button', { name: '预览' }).click();
}
