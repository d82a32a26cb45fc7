import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import {
	client,
	demo,
	loggedIn,
	mediaFiles,
	recordIds,
	recordVersion,
	serverURL
} from './admin-helpers';
import { disposeOwnServer, postLogin, startOwnServer, type OwnServer } from './own-server';

/**
 * The second line of defence, asserted on the wire and in the browser: a strict
 * Content-Security-Policy (a nonce per server-rendered page, hashes for the offline shell, nothing
 * inline or evaluated), no framing but the console's previews, and the other headers Mozilla
 * Observatory checks, on every kind of answer the app gives.
 */

type Headers = Record<string, string>;

function directives(policy: string | undefined): Record<string, string[]> {
	expect(policy, 'a Content-Security-Policy').toBeTruthy();
	return Object.fromEntries(
		policy!.split(';').map((part) => {
			const [name, ...sources] = part.trim().split(/\s+/);
			return [name, sources];
		})
	);
}

/** What every answer carries, page or not. */
function expectCommonHeaders(headers: Headers, what: string, framing: 'none' | 'self' = 'none') {
	expect(headers['x-content-type-options'], what).toBe('nosniff');
	expect(headers['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
	expect(headers['cross-origin-opener-policy'], what).toBe('same-origin');
	expect(headers['permissions-policy'], what).toBe(
		'camera=(), microphone=(), payment=(), geolocation=(self)'
	);
	expect(headers['x-frame-options'], what).toBe(framing === 'self' ? 'SAMEORIGIN' : 'DENY');
	const policy = directives(headers['content-security-policy']);
	expect(policy['frame-ancestors'], what).toEqual([framing === 'self' ? "'self'" : "'none'"]);
	// This server runs on plain http: asking browsers to insist on https would lock them out.
	expect(headers['strict-transport-security'], what).toBeUndefined();
	return policy;
}

/** A page's policy: scripts from the app or with this page's nonce, never inline or evaluated. */
function expectPagePolicy(headers: Headers, what: string, framing: 'none' | 'self' = 'none') {
	const policy = expectCommonHeaders(headers, what, framing);
	expect(policy['script-src'][0], what).toBe("'self'");
	expect(policy['script-src'].slice(1), what).toEqual([
		expect.stringMatching(/^'nonce-[^']{16,}'$/)
	]);
	expect(policy['object-src'], what).toEqual(["'none'"]);
	expect(policy['base-uri'], what).toEqual(["'none'"]);
	expect(policy['default-src'], what).toEqual(["'self'"]);
	// The test server's tiles (playwright.config.ts): the app and the tile host, nothing else.
	expect(policy['img-src'], what).toEqual(["'self'", 'data:', 'https://tiles.example.test']);
	expect(policy['connect-src'], what).toEqual(["'self'", 'https://tiles.example.test']);
	return policy;
}

/** Every answer that is not a page allows nothing to load or run. */
function expectLockedPolicy(headers: Headers, what: string) {
	const policy = expectCommonHeaders(headers, what);
	expect(policy['default-src'], what).toEqual(["'none'"]);
	expect(policy['script-src'], what).toBeUndefined();
}

test('visitor pages and page errors carry a strict policy with a fresh nonce, which the start-up script carries', async ({
	request
}) => {
	const nonces = new Set<string>();
	for (const path of [
		'/',
		'/en/events',
		'/venues/jining-museum',
		'/search?q=lake',
		'/no-such-page'
	]) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(path === '/no-such-page' ? 404 : 200);
		const policy = expectPagePolicy(response.headers(), path);
		const nonce = policy['script-src'][1].slice("'nonce-".length, -1);
		nonces.add(nonce);
		// The start-up script (rewritten to wait for the first paint) carries this page's nonce.
		const html = await response.text();
		expect(html, path).toMatch(
			new RegExp(`<script nonce="${nonce.replace(/[+/=]/g, '\\$&')}">[^<]*requestAnimationFrame`)
		);
		// Every other script element is data (inlined fetches, JSON-LD), which no browser runs.
		for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
			if (!tag.includes(`nonce="${nonce}"`))
				expect(tag, path).toMatch(/type="application\/(ld\+)?json"/);
		}
	}
	expect(nonces.size, 'a new nonce for every page').toBe(5);
});

test('the offline shell runs under the hash of its own start-up script, in its header and its <meta>', async ({
	request
}) => {
	const shell = await request.get('/shell.html');
	expect(shell.status()).toBe(200);
	const headers = shell.headers();
	const policy = expectCommonHeaders(headers, '/shell.html');
	expect(headers['cache-control']).toBe('no-cache');
	const html = await shell.text();
	const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
	expect(scripts.length).toBe(1);
	const hash = `'sha256-${createHash('sha256').update(scripts[0]).digest('base64')}'`;
	expect(policy['script-src']).toEqual(["'self'", hash]);
	const meta = /<meta http-equiv="content-security-policy" content="([^"]+)">/.exec(html)?.[1];
	expect(directives(meta)['script-src']).toEqual(["'self'", hash]);
	expect(policy['img-src']).toEqual(["'self'", 'data:', 'https://tiles.example.test']);
	// Revalidated, as the service worker's precache does.
	const again = await request.get('/shell.html', { headers: { 'if-none-match': headers.etag } });
	expect(again.status()).toBe(304);
});

test('the feed, calendars, the sitemap, photos and API errors allow nothing to load or run', async ({
	request
}) => {
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const venue = recordIds('venues')[0];
	const photo = await sharp({
		create: { width: 40, height: 30, channels: 3, background: '#0f5e8c' }
	})
		.png()
		.toBuffer();
	const before = new Set(mediaFiles());
	const upload = await http.post(`/admin/venues/${venue}?/image`, {
		multipart: {
			version: String(recordVersion('venues', venue)),
			'alt.zh': '头部测试照片',
			file: { name: 'headers.png', mimeType: 'image/png', buffer: photo }
		}
	});
	expect(upload.status()).toBe(303);
	const stored = mediaFiles().find((name) => !before.has(name));
	expect(stored).toBeTruthy();
	await http.dispose();

	const answers: [string, number][] = [
		['/api/v1/content', 200],
		['/api/v1/content?since=1', 200],
		['/api/v1/content?since=-1', 400],
		['/api/v1/events.ics', 200],
		['/api/v1/no-such-thing', 404],
		['/sitemap.xml', 200],
		['/robots.txt', 200],
		['/healthz', 200],
		[`/media/${stored}`, 200],
		['/media/no-such-photo-480.webp', 404]
	];
	for (const [path, status] of answers) {
		const response = await request.get(path);
		expect(response.status(), path).toBe(status);
		expectLockedPolicy(response.headers(), path);
	}
});

test('the console’s pages, refusals and redirects carry the same headers, and only its previews may be framed by the app', async () => {
	const anonymous = await client(serverURL);
	const login = await anonymous.get('/admin/login');
	expectPagePolicy(login.headers(), '/admin/login');
	const redirect = await anonymous.get('/admin/events');
	expect(redirect.status()).toBe(303);
	expectLockedPolicy(redirect.headers(), 'redirect to the login');
	await anonymous.dispose();

	const admin = await loggedIn(serverURL, demo.email, demo.password);
	const events = await admin.get('/admin/events');
	expectPagePolicy(events.headers(), '/admin/events');
	expect(events.headers()['cache-control']).toBe('private, no-store');
	const event = recordIds('events')[0];
	const preview = await admin.get(`/admin/preview/events/${event}`);
	expect(preview.status()).toBe(200);
	expectPagePolicy(preview.headers(), 'a preview', 'self');
	const missing = await admin.get('/admin/events/evt_no_such_event');
	expect(missing.status()).toBe(404);
	expectPagePolicy(missing.headers(), 'a console 404');
	await admin.dispose();
});

test('the session and language cookies cannot be read by scripts or sent by other sites', async () => {
	const response = await postLogin(serverURL, demo.email, demo.password);
	expect(response.status).toBe(303);
	const session = response.headers.getSetCookie().find((c) => c.startsWith('taibai_session='));
	expect(session).toMatch(/; HttpOnly/i);
	expect(session).toMatch(/; SameSite=Lax/i);
	const language = await fetch(`${serverURL}/admin/language`, { redirect: 'manual' });
	const cookie = language.headers.getSetCookie().find((c) => c.startsWith('admin_lang='));
	expect(cookie).toMatch(/; HttpOnly/i);
	expect(cookie).toMatch(/; SameSite=Lax/i);
});

test.describe('a production server on an https public origin with Tianditu tiles', () => {
	const port = Number(process.env.E2E_PORT ?? 4173) + 6;
	let server: OwnServer | undefined;

	test.beforeAll(async () => {
		server = await startOwnServer(port, {
			NODE_ENV: 'production',
			PUBLIC_ORIGIN: 'https://guide.example.test',
			TILE_SOURCE: 'tianditu',
			TIANDITU_KEY: 'test-key'
		});
		const made = spawnSync(
			process.execPath,
			['scripts/admin.js', 'create', '--email', 'hsts@bureau.example', '--name', 'HSTS'] // …
				.concat(['--role', 'editor', '--password-stdin']),
			{
				input: 'a long production password\n',
				env: { ...process.env, DATABASE_URL: `file:${join(server.dir, 'ops.sqlite')}` },
				encoding: 'utf8'
			}
		);
		expect(made.status, made.stderr).toBe(0);
	});
	test.afterAll(async () => disposeOwnServer(server));

	test('asks browsers to use https, allows Tianditu’s tile hosts, and marks the session cookie Secure', async () => {
		const origin = server!.origin;
		for (const path of ['/', '/api/v1/content', '/no-such-page']) {
			const response = await fetch(`${origin}${path}`);
			expect(response.headers.get('strict-transport-security'), path).toBe('max-age=31536000');
		}
		const page = await fetch(`${origin}/events`);
		const policy = directives(page.headers.get('content-security-policy') ?? undefined);
		const tianditu = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`);
		expect(policy['img-src']).toEqual(["'self'", 'data:', ...tianditu]);
		expect(policy['connect-src']).toEqual(["'self'", ...tianditu]);
		const login = await postLogin(origin, 'hsts@bureau.example', 'a long production password');
		expect(login.status).toBe(303);
		const session = login.headers.getSetCookie().find((c) => c.startsWith('taibai_session='));
		expect(session).toMatch(/; Secure/i);
		expect(session).toMatch(/; HttpOnly/i);
		expect(session).toMatch(/; SameSite=Lax/i);
	});
});

test('the browser refuses what the policy forbids, and the watch on every test sees it', async ({
	page,
	cspViolations
}) => {
	await page.goto('/en/events');
	const ran = await page.evaluate(async () => {
		const w = window as unknown as { injected?: boolean };
		const script = document.createElement('script');
		script.textContent = 'window.injected = true';
		document.body.append(script);
		const img = document.createElement('img');
		img.setAttribute('onerror', 'window.injected = true');
		img.src = 'https://elsewhere.example/pixel.png';
		document.body.append(img);
		await new Promise((resolve) => setTimeout(resolve, 300));
		return w.injected === true;
	});
	expect(ran).toBe(false);
	await expect.poll(() => cspViolations.join('\n')).toContain('img-src blocked https://elsewhere');
	await expect.poll(() => cspViolations.join('\n')).toContain('script-src-elem blocked inline');
	// Provoked on purpose: not a finding.
	cspViolations.length = 0;
});

test('another page may not frame a visitor page or the console, but the console may frame its previews', async ({
	browser,
	cspViolations
}) => {
	const context = await browser.newContext({ baseURL: serverURL });
	const page = await context.newPage();
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const state = await http.storageState();
	await context.addCookies(state.cookies);
	await http.dispose();
	await page.goto('/admin');
	const event = recordIds('events')[0];
	const framed = async (path: string) =>
		page.evaluate(async (src) => {
			const frame = document.createElement('iframe');
			frame.src = src;
			document.body.append(frame);
			await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
			// A refused frame shows the browser's error page, which the app cannot read.
			let text: string | undefined;
			try {
				text = frame.contentDocument?.querySelector('h1')?.textContent ?? undefined;
			} catch {
				text = undefined;
			}
			frame.remove();
			return text ?? null;
		}, path);
	expect(await framed(`/admin/preview/events/${event}`)).toBeTruthy();
	expect(await framed('/en/events')).toBeNull();
	expect(await framed('/admin/events')).toBeNull();
	await context.close();
	// The two refusals may be reported to the framing page: they were provoked on purpose.
	for (const line of cspViolations) expect(line).toMatch(/frame-ancestors/);
	cspViolations.length = 0;
});
