// access-matrix: the generated matrix of the doors issue (tests/helpers/access-matrix.ts: every
// console route of the built app × roles × spellings × request kinds), run against this server,
// plus the draft checks of leaks.ts. A leak is a refused case that was not refused, or a draft's
// trace in a public answer.
import {
	consoleRoutesFromBuild,
	matrixCases,
	runMatrix,
	type Role
} from '../../tests/helpers/access-matrix';
import { root } from '../lib/app.js';
import { liveIds, postNotice, type ContentType } from './console';
import { send } from './http';
import { logIn, type Target } from './target';

export interface AccessFigures {
	cases: number;
	leaks: number;
	details: string[];
}

/** A draft of the route's type where there is one (the most sensitive page), else any record. */
async function recordFor(t: Target, routeId: string): Promise<string> {
	if (/\/admin\/(?:preview\/)?notices\/\[id\]$/.test(routeId)) return draftNotice(t);
	const type = /\/admin\/(?:preview\/)?(events|venues|festivals|tours)\/\[id\]$/.exec(
		routeId
	)?.[1] as ContentType | undefined;
	if (!type) throw new Error(`no value for the parameter of ${routeId}`);
	const drafts = await liveIds(t, type, 'draft');
	return drafts[0] ?? (await liveIds(t, type))[0];
}

/** A draft notice (the sample programme has none): the notice pages' most sensitive record. */
async function draftNotice(t: Target): Promise<string> {
	const [kept] = await t.db.all(
		"select id from notices where deleted_at is null and status = 'draft' order by id",
		[]
	);
	return kept ? String(kept.id) : postNotice(t, 'draft');
}

export async function accessMatrix(t: Target): Promise<AccessFigures> {
	const routes = await consoleRoutesFromBuild(root);
	const values = new Map<string, string>();
	for (const route of routes) {
		if (route.params.length) values.set(route.id, await recordFor(t, route.id));
	}
	const cases = matrixCases(routes, (_, id) => values.get(id) ?? '');
	// A session that has logged out: its cookie must open nothing.
	const loggedOut = await logIn(t.origin, t.accounts.editor);
	await send(t.origin, {
		method: 'POST',
		path: '/admin/logout',
		headers: {
			origin: t.origin,
			cookie: loggedOut,
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: ''
	});
	const cookies: Record<Role, string | undefined> = {
		anonymous: undefined,
		loggedOut,
		editor: t.cookies.editor,
		admin: t.cookies.admin
	};
	const [admin] = await t.db.all('select id from users where email = $1', [t.accounts.admin.email]);
	const before = await t.db.checksum();
	const result = await runMatrix(t.origin, cases, cookies, String(admin.id));
	const after = await t.db.checksum();
	const details = [
		...result.leaks.map((l) => `leak: ${l.role} ${l.method} ${l.path} (${l.kind}) → ${l.status}`),
		...result.errors.map((e) => `5xx: ${e.role} ${e.method} ${e.path} → ${e.status}`),
		...result.refusedAllowed.map((e) => `refused to its own role: ${e.role} ${e.method} ${e.path}`),
		...result.cacheable.map((e) => `cacheable: ${e.role} ${e.path} → ${e.cacheControl}`),
		...(before === after ? [] : ['the database changed during the matrix'])
	];
	return {
		cases: result.cases,
		leaks: result.leaks.length + (before === after ? 0 : 1),
		details
	};
}
