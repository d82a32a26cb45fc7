/**
 * The console's access matrix, generated from what the app will actually run: the routes of the
 * built server's manifest (SvelteKit's own route table, with each page's form actions and each
 * endpoint's methods) × roles × spellings of each path × request kinds. Shared by the browser
 * tests and the reliability bench, so both count the same cases.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { accessFor, allows, type Access } from '../../src/lib/server/auth/access';

export type Role = 'anonymous' | 'loggedOut' | 'editor' | 'admin';
export const roles: Role[] = ['anonymous', 'loggedOut', 'editor', 'admin'];

export interface MatrixRoute {
	id: string;
	params: string[];
	page: boolean;
	actions: string[];
	methods: string[];
}

interface ManifestRoute {
	id: string;
	params: { name: string }[];
	page: { leaf: number } | null;
	endpoint: (() => Promise<Record<string, unknown>>) | null;
}

/** Console routes as the built server knows them (run after `vite build`). */
export async function consoleRoutesFromBuild(root = process.cwd()): Promise<MatrixRoute[]> {
	const file = pathToFileURL(join(root, '.svelte-kit/output/server/manifest.js')).href;
	const { manifest } = (await import(file)) as {
		manifest: {
			_: {
				routes: ManifestRoute[];
				nodes: (() => Promise<{ server?: { actions?: Record<string, unknown> } }>)[];
			};
		};
	};
	const result: MatrixRoute[] = [];
	for (const route of manifest._.routes) {
		if (accessFor(route.id) === undefined) continue;
		const node = route.page ? await manifest._.nodes[route.page.leaf]() : undefined;
		const endpoint = route.endpoint ? await route.endpoint() : {};
		result.push({
			id: route.id,
			params: route.params.map((p) => p.name),
			page: !!route.page,
			actions: Object.keys(node?.server?.actions ?? {}),
			methods: Object.keys(endpoint).filter((k) => /^[A-Z]+$/.test(k))
		});
	}
	return result;
}

/** A route id with its parameters filled in (`/admin/events/[id]` → `/admin/events/evt_x`). */
export function concretePath(id: string, value: (param: string, id: string) => string): string {
	return id.replace(/\[(\w+)\]/g, (_, name: string) => value(name, id));
}

const hex = (c: string) => `%${c.charCodeAt(0).toString(16)}`;

/**
 * Ways of writing one path that a router might read as the same page: a percent-encoded letter in
 * each segment (lower- and upper-case hex), doubled and dotted slashes, a trailing slash, an /en
 * prefix, upper case, a backslash and an encoded slash.
 */
export function spellings(path: string): { name: string; path: string }[] {
	const segments = path.split('/').slice(1);
	const out: { name: string; path: string }[] = [{ name: 'plain', path }];
	segments.forEach((segment, i) => {
		const at = segment.search(/[a-z]/i);
		if (at < 0) return;
		const encoded = [...segments];
		encoded[i] = segment.slice(0, at) + hex(segment[at]) + segment.slice(at + 1);
		out.push({ name: `encoded letter in segment ${i + 1}`, path: `/${encoded.join('/')}` });
		if (i === 0) {
			const upperHex = [...segments];
			upperHex[0] = segment.slice(0, at) + hex(segment[at]).toUpperCase() + segment.slice(at + 1);
			out.push({ name: 'upper-case hex', path: `/${upperHex.join('/')}` });
		}
	});
	const [first, ...rest] = segments;
	const tail = rest.length ? `/${rest.join('/')}` : '';
	out.push(
		{ name: 'leading //', path: `/${path}` },
		{ name: 'inner //', path: `/${first}/${tail}` },
		{ name: 'leading /./', path: `/.${path}` },
		{ name: 'inner /./', path: `/${first}/.${tail || '/'}` },
		{ name: '/x/../', path: `/${first}/x/..${tail || '/'}` },
		{ name: 'trailing slash', path: `${path}/` },
		{ name: '/en prefix', path: `/en${path}` },
		{ name: 'upper case', path: path.toUpperCase() },
		{ name: 'capitalised', path: `/${first[0].toUpperCase()}${first.slice(1)}${tail}` },
		{ name: 'backslash', path: `/${first}\\${rest.join('/')}` },
		{ name: 'encoded slash', path: `/${first}%2f${rest.join('/')}` }
	);
	return out;
}

export type Kind = 'page' | 'data' | 'action' | 'enhanced action' | 'endpoint';

export interface Case {
	route: string;
	needs: Access | 'nobody';
	role: Role;
	kind: Kind;
	spelling: string;
	method: string;
	path: string;
	allowed: boolean;
}

export function allowedFor(needs: Access | 'nobody', role: Role): boolean {
	if (needs === 'nobody') return false;
	if (needs === 'anyone') return true;
	return (role === 'editor' || role === 'admin') && allows(role, needs);
}

/** Every request of the matrix for the given routes. */
export function matrixCases(
	routes: MatrixRoute[],
	value: (param: string, id: string) => string
): Case[] {
	const cases: Case[] = [];
	for (const route of routes) {
		const needs = accessFor(route.id) ?? 'anyone';
		const base = concretePath(route.id, value);
		for (const role of roles) {
			const allowed = allowedFor(needs, role);
			for (const spelling of spellings(base)) {
				const add = (kind: Kind, method: string, path: string) =>
					cases.push({
						route: route.id,
						needs,
						role,
						kind,
						spelling: spelling.name,
						method,
						path,
						allowed
					});
				if (route.page) {
					add('page', 'GET', spelling.path);
					add('data', 'GET', `${spelling.path.replace(/\/$/, '')}/__data.json`);
					for (const action of route.actions) {
						const query = action === 'default' ? '' : `?/${action}`;
						add('action', 'POST', `${spelling.path}${query}`);
						add('enhanced action', 'POST', `${spelling.path}${query}`);
					}
				}
				for (const method of route.methods) add('endpoint', method, spelling.path);
			}
		}
	}
	return cases;
}

export interface Answer {
	status: number;
	location?: string;
	cacheControl?: string;
	body: string;
}

/** Sends one request with its path exactly as written (no client-side normalisation). */
export function send(
	origin: string,
	c: Pick<Case, 'method' | 'path' | 'kind'>,
	cookie: string | undefined,
	form: Record<string, string>
): Promise<Answer> {
	const url = new URL(origin);
	const body = c.method === 'POST' ? new URLSearchParams(form).toString() : undefined;
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: c.method,
				path: c.path,
				agent: false,
				headers: {
					origin,
					accept: c.kind === 'data' ? 'application/json' : 'text/html',
					...(cookie ? { cookie } : {}),
					...(c.kind === 'enhanced action' ? { 'x-sveltekit-action': 'true' } : {}),
					...(body !== undefined
						? {
								'content-type': 'application/x-www-form-urlencoded',
								'content-length': String(Buffer.byteLength(body))
							}
						: {})
				}
			},
			(res) => {
				let text = '';
				res.setEncoding('utf8');
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () =>
					resolve({
						status: res.statusCode ?? 0,
						location: res.headers.location,
						cacheControl: res.headers['cache-control'],
						body: text
					})
				);
			}
		);
		req.on('error', reject);
		req.end(body);
	});
}

const toLogin = (location: string | undefined) =>
	!!location && /^\/admin\/login(?:[?#]|$)/.test(location);

/**
 * Whether an answer refuses the request (for a case that must be refused). A refusal sends to the
 * login page, says 401/403, finds no such page (404, 405), or redirects to another spelling
 * (which is a case of its own). A data request is refused with a redirect node or a 403. Anything
 * else, a 200 above all, is a leak; a 400 to a form post means the action ran.
 */
export function isRefusal(c: Case, answer: Answer): boolean {
	const { status } = answer;
	if (status >= 500) return false;
	if ([401, 403, 404, 405].includes(status)) return true;
	if ([301, 302, 303, 307, 308].includes(status)) {
		if (toLogin(answer.location)) return true;
		// A redirect to the canonical spelling (trailing slash, case) runs nothing itself.
		return (status === 301 || status === 308) && !!answer.location?.startsWith('/');
	}
	if (status === 400) return c.method === 'GET';
	if (status === 200 && c.kind === 'data') {
		try {
			const node = JSON.parse(answer.body) as { type?: string; location?: string };
			return node.type === 'redirect' && toLogin(node.location);
		} catch {
			return false;
		}
	}
	return false;
}

/** What a post carries: a plausible form for every console action, so a missing check shows. */
export function intruderForm(serial: number, someUserId: string): Record<string, string> {
	return {
		email: `matrix-intruder-${serial}@bureau.example`,
		name: 'Intruder',
		role: 'admin',
		password: 'a long enough password',
		again: 'a long enough password',
		current: 'whatever it was',
		id: someUserId,
		change: 'admin',
		version: '1',
		confirm: 'yes',
		'statusReason.zh': '矩阵',
		'title.zh': '入侵',
		'name.zh': '入侵',
		csv: 'slug,title_zh\n'
	};
}

/**
 * Whether the access check turned an allowed request away: 401/403, or sent to the login page
 * (a page may redirect elsewhere, e.g. the language switch back to where the editor was).
 */
function turnedAway(c: Case, answer: Answer): boolean {
	if (answer.status === 401 || answer.status === 403) return true;
	if (answer.status === 200 && c.kind === 'data') {
		try {
			return toLogin((JSON.parse(answer.body) as { location?: string }).location);
		} catch {
			return true;
		}
	}
	return answer.status !== 200 && toLogin(answer.location);
}

export interface MatrixResult {
	cases: number;
	leaks: (Case & { status: number; location?: string })[];
	errors: (Case & { status: number })[];
	refusedAllowed: (Case & { status: number })[];
	/** Console answers with content that a shared or browser cache might keep. */
	cacheable: (Case & { cacheControl?: string })[];
}

/**
 * Runs every case: refused ones must be refused; allowed ones are asked only as plain GETs (pages,
 * data, endpoints), which the access check must let through. Allowed form posts are
 * left to the functional tests: they change data.
 */
export async function runMatrix(
	origin: string,
	cases: Case[],
	cookies: Record<Role, string | undefined>,
	someUserId: string
): Promise<MatrixResult> {
	const result: MatrixResult = {
		cases: 0,
		leaks: [],
		errors: [],
		refusedAllowed: [],
		cacheable: []
	};
	let serial = 0;
	for (const c of cases) {
		if (c.allowed && (c.method !== 'GET' || c.spelling !== 'plain')) continue;
		const answer = await send(origin, c, cookies[c.role], intruderForm(++serial, someUserId));
		result.cases++;
		if (answer.status === 200 && answer.cacheControl !== 'private, no-store') {
			result.cacheable.push({ ...c, cacheControl: answer.cacheControl });
		}
		if (answer.status >= 500) result.errors.push({ ...c, status: answer.status });
		else if (c.allowed) {
			if (turnedAway(c, answer)) result.refusedAllowed.push({ ...c, status: answer.status });
		} else if (!isRefusal(c, answer)) {
			result.leaks.push({ ...c, status: answer.status, location: answer.location });
		}
	}
	return result;
}
