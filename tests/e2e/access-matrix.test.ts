import Database from 'better-sqlite3';
import { expect, test } from '@playwright/test';
import { consoleRoutes } from '../../src/lib/server/auth/access';
import {
	consoleRoutesFromBuild,
	matrixCases,
	runMatrix,
	type MatrixRoute,
	type Role
} from '../helpers/access-matrix';
import {
	createAccount,
	databaseState,
	demo,
	e2eDatabase,
	serverURL,
	userRow
} from './admin-helpers';
import { logIn } from './own-server';

/**
 * The console's access matrix, generated rather than listed: every console route of the built
 * server (pages, their data requests, form actions plain and enhanced, endpoints) × anonymous, a
 * logged-out session's cookie, an editor and an admin × many spellings of each path. A refused
 * combination must be refused, whatever the spelling; nothing may change in the database.
 */
const editor = { email: 'matrix-generated@bureau.example', password: 'matrix generated pass' };

test.setTimeout(600_000);

/** A draft of each content type where there is one (the most sensitive page), else any record. */
function recordFor(routeId: string): string {
	const type = /\/admin\/(?:preview\/)?(events|venues|festivals|tours|notices)\/\[id\]$/.exec(
		routeId
	)?.[1];
	if (!type) throw new Error(`no value for the parameter of ${routeId}`);
	const db = new Database(e2eDatabase, { readonly: true, fileMustExist: true });
	try {
		const row = db
			.prepare(
				`select id from ${type} where deleted_at is null order by status = 'draft' desc, id limit 1`
			)
			.get() as { id: string };
		return row.id;
	} finally {
		db.close();
	}
}

let routes: MatrixRoute[];
let cookies: Record<Role, string | undefined>;

test.beforeAll(async () => {
	routes = await consoleRoutesFromBuild();
	createAccount(editor.email, 'editor', editor.password);
	const loggedOut = await logIn(serverURL, editor.email, editor.password);
	await fetch(`${serverURL}/admin/logout`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: serverURL,
			cookie: loggedOut,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	cookies = {
		anonymous: undefined,
		loggedOut,
		editor: await logIn(serverURL, editor.email, editor.password),
		admin: await logIn(serverURL, demo.email, demo.password)
	};
	// The sample programme has no bureau notices: a draft one, posted as an editor would, gives the
	// notice pages a record to be asked about.
	draftNotice = await postDraftNotice(cookies.editor!);
});

test.afterAll(async () => {
	if (draftNotice) await deleteNotice(cookies.editor!, draftNotice);
});

let draftNotice: string | undefined;

const form = (cookie: string, fields: Record<string, string>) => ({
	method: 'POST',
	redirect: 'manual' as const,
	// A browser's form post: without `accept: text/html` SvelteKit answers as to `use:enhance`.
	headers: {
		origin: serverURL,
		cookie,
		accept: 'text/html',
		'content-type': 'application/x-www-form-urlencoded'
	},
	body: new URLSearchParams(fields).toString()
});

async function postDraftNotice(cookie: string): Promise<string> {
	const response = await fetch(
		`${serverURL}/admin/notices/new`,
		form(cookie, {
			slug: '',
			status: 'draft',
			severity: 'info',
			'message.zh': '访问矩阵的草稿通知',
			'message.en': 'A draft notice for the access matrix',
			start: '2026-01-01T08:00',
			end: '2026-01-02T08:00',
			scope: ''
		})
	);
	expect(response.status).toBe(303);
	return /\/admin\/notices\/([^?]+)/.exec(response.headers.get('location') ?? '')![1];
}

async function deleteNotice(cookie: string, id: string): Promise<void> {
	const page = await (
		await fetch(`${serverURL}/admin/notices/${id}`, { headers: { cookie } })
	).text();
	const version = /name="version" value="(\d+)"/.exec(page)![1];
	const response = await fetch(
		`${serverURL}/admin/notices/${id}?/delete`,
		form(cookie, { confirm: 'yes', version })
	);
	expect(response.status).toBe(303);
}

test('every console route of the built app has an entry in the access table', () => {
	expect(routes.length).toBeGreaterThan(20);
	const missing = routes.map((r) => r.id).filter((id) => !Object.hasOwn(consoleRoutes, id));
	expect(missing).toEqual([]);
	// The table names nothing the app does not have.
	expect(Object.keys(consoleRoutes).sort()).toEqual(routes.map((r) => r.id).sort());
});

test('no spelling of any console URL lets a role past the access table, and nothing changes', async () => {
	const cases = matrixCases(routes, (_, id) => recordFor(id));
	const before = databaseState();
	const result = await runMatrix(serverURL, cases, cookies, userRow(demo.email).id);
	console.log(`access-matrix: ${result.cases} cases, ${result.leaks.length} leaks`);
	expect(result.cases).toBeGreaterThan(2000);
	expect(
		result.leaks.map((l) => `${l.role} ${l.method} ${l.path} (${l.kind}) → ${l.status}`)
	).toEqual([]);
	expect(result.errors.map((e) => `${e.role} ${e.method} ${e.path} → ${e.status}`)).toEqual([]);
	expect(result.refusedAllowed.map((e) => `${e.role} ${e.method} ${e.path} → ${e.status}`)).toEqual(
		[]
	);
	// Whatever the spelling, what the console answers is never kept by a cache.
	expect(
		result.cacheable.map((e) => `${e.role} ${e.method} ${e.path} → ${e.cacheControl}`)
	).toEqual([]);
	const after = databaseState();
	expect(after).toEqual(before);
	expect(userRow('matrix-intruder-1@bureau.example')).toBeUndefined();
});
