import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './fixtures';
import {
	client,
	createAccount,
	databaseState,
	demo,
	loggedIn,
	recordIds,
	recordVersion,
	serverURL,
	userRow
} from './admin-helpers';

/**
 * The access matrix of the editor console: every page, form action and endpoint, asked by an
 * anonymous visitor, an editor and an admin. Exactly the intended ones succeed; the others are sent
 * to the login page or get 403, and the database does not move.
 */
const editor = { email: 'matrix-editor@bureau.example', password: 'matrix editor pass' };
type Role = 'anonymous' | 'editor' | 'admin';
type Form = Record<string, string>;

const tomorrow = new Date(Date.now() + (8 + 24) * 3600_000).toISOString().slice(0, 10);
let serial = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++serial}`;

function forms(venueA: string, venueB: string) {
	const text = (name: string, zh: string): Form => ({
		[`${name}.zh`]: zh,
		[`${name}.en`]: ''
	});
	return {
		events: (): Form => ({
			slug: unique('matrix-event'),
			...text('title', '矩阵测试活动'),
			...text('summary', '简介'),
			...text('description', '介绍'),
			category: 'performance',
			venueId: venueA,
			start: `${tomorrow}T19:30`,
			end: `${tomorrow}T21:00`,
			repeat: 'none',
			status: 'draft',
			'price.free': 'on'
		}),
		venues: (): Form => ({
			slug: unique('matrix-venue'),
			status: 'draft',
			kind: 'museum',
			...text('name', '矩阵测试场馆'),
			...text('summary', '简介'),
			...text('description', '介绍'),
			...text('address', '太白湖新区'),
			'position.lat': '35.35',
			'position.lon': '116.6',
			price: 'none'
		}),
		festivals: (): Form => ({
			slug: unique('matrix-festival'),
			status: 'draft',
			...text('name', '矩阵测试节'),
			...text('summary', '简介'),
			...text('description', '介绍'),
			startDate: tomorrow,
			endDate: tomorrow
		}),
		tours: (): Form => ({
			slug: unique('matrix-tour'),
			status: 'draft',
			...text('name', '矩阵测试线路'),
			...text('theme', '主题'),
			...text('summary', '简介'),
			...text('description', '介绍'),
			modes: 'walk',
			'stops.0.kind': 'venue',
			'stops.0.venueId': venueA,
			'stops.0.stayMinutes': '30',
			'stops.1.kind': 'venue',
			'stops.1.venueId': venueB,
			'stops.1.stayMinutes': '20',
			path: '[[116.6,35.35],[116.61,35.36]]',
			durationMinutes: '60'
		})
	};
}

const types = ['events', 'venues', 'festivals', 'tours'] as const;
const programme = (slug = unique('imported')) =>
	`slug,title_zh,summary_zh,venue,start,end\n${slug},导入,简介,beihu-pavilion-square,${tomorrow} 19:00,${tomorrow} 20:00\n`;

let clients: Record<Role, APIRequestContext>;
let ids: Record<(typeof types)[number], string>;
let venues: [string, string];

test.beforeAll(async () => {
	createAccount(editor.email, 'editor', editor.password);
	clients = {
		anonymous: await client(serverURL),
		editor: await loggedIn(serverURL, editor.email, editor.password),
		admin: await loggedIn(serverURL, demo.email, demo.password)
	};
	const first = (table: (typeof types)[number]) => recordIds(table)[0];
	ids = {
		events: first('events'),
		venues: first('venues'),
		festivals: first('festivals'),
		tours: first('tours')
	};
	const [a, b] = recordIds('venues', 2);
	venues = [a, b];
});

test.afterAll(async () => {
	for (const c of Object.values(clients ?? {})) await c.dispose();
});

test('every console page opens for exactly the roles meant to see it', async () => {
	const pages: [string, 'editor' | 'admin'][] = [
		['/admin', 'editor'],
		['/admin/account', 'editor'],
		...types.flatMap((t): [string, 'editor'][] => [
			[`/admin/${t}`, 'editor'],
			[`/admin/${t}/new`, 'editor'],
			[`/admin/${t}/${ids[t]}`, 'editor']
		]),
		...types.map((t): [string, 'editor'] => [`/admin/preview/${t}/${ids[t]}?lang=en`, 'editor']),
		['/admin/import', 'editor'],
		['/admin/import/template.csv', 'editor'],
		['/admin/users', 'admin'],
		['/admin/audit', 'admin']
	];
	for (const [path, needed] of pages) {
		const anonymous = await clients.anonymous.get(path);
		expect(anonymous.status(), `anonymous ${path}`).toBe(303);
		expect(anonymous.headers().location).toBe(`/admin/login?next=${encodeURIComponent(path)}`);

		const asEditor = await clients.editor.get(path);
		expect(asEditor.status(), `editor ${path}`).toBe(needed === 'editor' ? 200 : 403);

		const asAdmin = await clients.admin.get(path);
		expect(asAdmin.status(), `admin ${path}`).toBe(200);
	}
	// A client-side navigation asks for the page's data: it is guarded the same way.
	const data = await clients.anonymous.get('/admin/events/__data.json');
	expect(await data.json()).toEqual({
		type: 'redirect',
		location: '/admin/login?next=%2Fadmin%2Fevents'
	});
	expect((await clients.editor.get('/admin/users/__data.json')).status()).toBe(403);
	// The login page itself is open to anyone.
	expect((await clients.anonymous.get('/admin/login')).status()).toBe(200);
});

test('anonymous form posts and endpoint calls are sent to the login page and change nothing', async () => {
	const body = forms(...venues);
	const posts: [string, Form][] = [
		...types.flatMap((t): [string, Form][] => [
			[`/admin/${t}/new`, body[t]()],
			[`/admin/${t}/${ids[t]}?/save`, { ...body[t](), version: '1' }],
			[`/admin/${t}/${ids[t]}?/publish`, { version: '1' }],
			[`/admin/${t}/${ids[t]}?/unpublish`, { version: '1' }],
			[`/admin/${t}/${ids[t]}?/delete`, { version: '1', confirm: 'yes' }],
			[`/admin/${t}/${ids[t]}?/image`, { version: '1', 'alt.zh': '图' }],
			[`/admin/${t}/${ids[t]}?/removeImage`, { version: '1', index: '0' }]
		]),
		[`/admin/events/${ids.events}?/cancel`, { version: '1', 'statusReason.zh': '测试' }],
		['/admin/import?/preview', { festivalId: ids.festivals, csv: programme() }],
		['/admin/import?/import', { festivalId: ids.festivals, csv: programme() }],
		[
			'/admin/users?/create',
			{ email: 'intruder@x.example', name: 'X', role: 'admin', password: 'long enough pass' }
		],
		['/admin/users?/change', { id: 'usr_x', change: 'admin' }],
		['/admin/account?/password', { current: 'x', password: 'y'.repeat(12), again: 'y'.repeat(12) }],
		['/admin/logout', {}]
	];
	const before = databaseState();
	for (const [path, form] of posts) {
		const response = await clients.anonymous.post(path, { form });
		expect(response.status(), path).toBe(303);
		expect(response.headers().location, path).toBe('/admin/login');
		// The same post from an enhanced form gets an ActionResult that sends the browser to log in.
		const enhanced = await clients.anonymous.post(path, {
			form,
			headers: { 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.status(), path).toBe(401);
		expect(await enhanced.json()).toEqual({
			type: 'redirect',
			status: 303,
			location: '/admin/login'
		});
	}
	// There is no console API: such a path is an unknown API path, whoever asks.
	const api = await clients.anonymous.post('/api/admin/events', { data: {} });
	expect(api.status()).toBe(404);
	expect(databaseState()).toEqual(before);
});

test('editors get 403 from admin-only actions and nothing changes', async () => {
	const before = databaseState();
	const someone = ids.events;
	for (const [path, form] of [
		[
			'/admin/users?/create',
			{ email: 'sneaky@x.example', name: 'S', role: 'admin', password: 'long enough pass' }
		],
		['/admin/users?/change', { id: someone, change: 'admin' }]
	] as [string, Form][]) {
		const response = await clients.editor.post(path, { form });
		expect(response.status(), path).toBe(403);
		const enhanced = await clients.editor.post(path, {
			form,
			headers: { 'x-sveltekit-action': 'true' }
		});
		expect(enhanced.status(), path).toBe(403);
		expect((await enhanced.json()).type).toBe('error');
	}
	expect(databaseState()).toEqual(before);
	// There is no console API: an unknown API path is a JSON 404 for editors too.
	expect((await clients.editor.get('/api/admin/nothing-here')).status()).toBe(404);
});

for (const role of ['editor', 'admin'] as const) {
	test(`${role}s create, edit, publish, unpublish and delete every kind of content`, async () => {
		const http = clients[role];
		const body = forms(...venues);
		for (const type of types) {
			let state = databaseState();
			const form = body[type]();
			const created = await http.post(`/admin/${type}/new`, { form });
			expect(created.status(), `${type} create`).toBe(303);
			const location = created.headers().location;
			expect(location).toMatch(new RegExp(`^/admin/${type}/[a-z]+_[A-Za-z0-9]+\\?created=1$`));
			const id = location.slice(`/admin/${type}/`.length, location.indexOf('?'));
			expect(databaseState().revision).toBe(state.revision + 1);
			expect(databaseState().audit).toBe(state.audit + 1);

			const steps: [string, Form][] = [
				['save', { ...form, 'summary.zh': '改过的简介' }],
				['publish', {}],
				['unpublish', {}],
				...(type === 'events'
					? ([['cancel', { 'statusReason.zh': '天气原因' }]] as [string, Form][])
					: []),
				['delete', { confirm: 'yes' }]
			];
			for (const [action, fields] of steps) {
				state = databaseState();
				const version = String(recordVersion(type, id));
				const response = await http.post(`/admin/${type}/${id}?/${action}`, {
					form: { ...fields, version }
				});
				expect(response.status(), `${type} ${action}`).toBe(303);
				expect(response.headers().location).toEqual(
					action === 'delete'
						? expect.stringMatching(`^/admin/${type}\\?deleted=`)
						: `/admin/${type}/${id}?saved=1`
				);
				expect(databaseState().revision, `${type} ${action}`).toBe(state.revision + 1);
				expect(databaseState().audit, `${type} ${action}`).toBe(state.audit + 1);
			}
		}
		const state = databaseState();
		const imported = await http.post('/admin/import?/import', {
			form: { festivalId: ids.festivals, csv: programme() }
		});
		expect(imported.status()).toBe(303);
		expect(databaseState().events).toBe(state.events + 1);
		const account = await http.post('/admin/account?/password', {
			form: { current: 'wrong', password: 'z'.repeat(12), again: 'z'.repeat(12) }
		});
		expect(account.status()).toBe(400);
	});
}

test('admins create and change accounts', async () => {
	const before = databaseState();
	const created = await clients.admin.post('/admin/users?/create', {
		form: {
			email: 'new-editor@bureau.example',
			name: '新编辑',
			role: 'editor',
			password: 'a fine passphrase'
		}
	});
	expect(created.status()).toBe(200);
	expect(databaseState().users).toBe(before.users + 1);
	const { id } = userRow('new-editor@bureau.example');
	for (const change of ['admin', 'disable', 'enable', 'editor']) {
		const response = await clients.admin.post('/admin/users?/change', { form: { id, change } });
		expect(response.status(), change).toBe(200);
	}
	expect(userRow('new-editor@bureau.example')).toMatchObject({ role: 'editor', disabled: 0 });
	expect(databaseState().audit).toBe(before.audit + 5);
	// The last active admin cannot be demoted, not even by themselves.
	const self = await clients.admin.post('/admin/users?/change', {
		form: { id: userRow(demo.email).id, change: 'disable' }
	});
	expect(self.status()).toBe(400);
	expect(userRow(demo.email).disabled).toBe(0);
});

test('cross-site form posts are refused before they reach the console, logged in or not', async () => {
	const before = databaseState();
	const foreign = { origin: 'https://evil.example' };
	const login = await clients.anonymous.post('/admin/login', {
		form: { email: demo.email, password: demo.password },
		headers: foreign
	});
	expect(login.status()).toBe(403);
	const body = forms(...venues);
	const create = await clients.editor.post('/admin/events/new', {
		form: body.events(),
		headers: foreign
	});
	expect(create.status()).toBe(403);
	const publish = await clients.admin.post(`/admin/events/${ids.events}?/unpublish`, {
		form: { version: String(recordVersion('events', ids.events)) },
		headers: foreign
	});
	expect(publish.status()).toBe(403);
	expect(databaseState()).toEqual(before);
	// The same post from the console's own origin goes through.
	const own = await clients.editor.post('/admin/events/new', {
		form: body.events(),
		headers: { origin: serverURL }
	});
	expect(own.status()).toBe(303);
});

test('logging out ends the session on the server, not only in the browser', async () => {
	const http = await loggedIn(serverURL, editor.email, editor.password);
	expect((await http.get('/admin')).status()).toBe(200);
	const { cookies } = await http.storageState();
	const out = await http.post('/admin/logout', { form: {} });
	expect(out.headers().location).toBe('/admin/login?loggedOut=1');
	await http.dispose();
	// Replaying the old cookie gets nowhere: the session is gone from the database.
	const replay = await client(serverURL);
	const session = cookies.find((c) => c.name === 'taibai_session');
	expect(session).toBeDefined();
	const again = await replay.get('/admin', {
		headers: { cookie: `taibai_session=${session?.value}` }
	});
	expect(again.status()).toBe(303);
	await replay.dispose();
});
