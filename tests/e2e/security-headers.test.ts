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
	recordIdBySlug,
	recordIds,
	recordVersion,
	serverURL
} from './admin-helpers';
import { mp3 } from '../helpers/audio-fixtures';
import { disposeOwnServer, postLogin, startOwnServer, type OwnServer } from './own-server';

/**
 * The second line of defence, asserted on the wire and in the browser: a strict
 * Content-Security-Policy (hashes for visitor pages, which are kept and served to many, and for
 * the offline shell; a nonce per response for the console and errors; nothing inline or
 * evaluated), no framing but the console's previews, and the other headers Mozilla Observatory
 * checks, on every kind of answer the app gives.
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

/**
 * A page's policy: scripts from the app, or inline ones allowed by this response's nonce (pages
 * rendered for one person: the console, errors) or by their hashes (visitor pages, which are kept
 * and served again to other visitors); never inline or evaluated otherwise.
 */
function expectPagePolicy(
	headers: Headers,
	what: string,
	framing: 'none' | 'self' = 'none',
	allowed: 'nonce' | 'hash' = 'nonce'
) {
	const policy = expectCommonHeaders(headers, what, framing);
	expect(policy['script-src'][0], what).toBe("'self'");
	if (allowed === 'nonce') {
		expect(policy['script-src'].slice(1), what).toEqual([
			expect.stringMatching(/^'nonce-[^']{16,}'$/)
		]);
	} else {
		expect(policy['script-src'].length, what).toBeGreaterThan(1);
		for (const source of policy['script-src'].slice(1)) {
			expect(source, what).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
		}
	}
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

/** The inline scripts a browser would run (not data blocks such as JSON-LD or inlined fetches). */
const runnableScripts = (html: string) =>
	[...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
		.filter(([, attributes]) => !/type="application\/(ld\+)?json"/.test(attributes))
		.map(([, attributes, text]) => ({ attributes, text }));

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

test('visitor pages allow their start-up script by its hash and carry no nonce, the same for every visitor they are kept for', async ({
	request
}) => {
	for (const path of ['/', '/en/events', '/venues/jining-museum', '/search?q=lake']) {
		const seen = new Set<string>();
		// The second answer comes from the kept pages (the early door), the first from a render.
		for (let i = 0; i < 2; i++) {
			const response = await request.get(path);
			expect(response.status(), path).toBe(200);
			const headers = response.headers();
			const policy = expectPagePolicy(headers, path, 'none', 'hash');
			const html = await response.text();
			expect(html, path).not.toMatch(/nonce=/);
			const scripts = runnableScripts(html);
			// The start-up script (rewritten to wait for the first paint) is one of them.
			expect(
				scripts.some((s) => s.text.includes('requestAnimationFrame')),
				path
			).toBe(true);
			expect(policy['script-src'].slice(1).sort(), path).toEqual(
				scripts.map((s) => sha256(s.text)).sort()
			);
			seen.add(headers['content-security-policy']);
		}
		expect(seen.size, `${path}: one policy for the kept page`).toBe(1);
	}
});

test('a page error, rendered for one visitor, gets a fresh nonce every time, which its start-up script carries', async ({
	request
}) => {
	const nonces = new Set<string>();
	for (let i = 0; i < 3; i++) {
		const response = await request.get('/no-such-page');
		expect(response.status()).toBe(404);
		const policy = expectPagePolicy(response.headers(), '/no-such-page');
		const nonce = policy['script-src'][1].slice("'nonce-".length, -1);
		nonces.add(nonce);
		for (const script of runnableScripts(await response.text())) {
			expect(script.attributes).toBe(` nonce="${nonce}"`);
		}
	}
	expect(nonces.size, 'a new nonce for every answer').toBe(3);
});

test('two visitors opening the same kept page both get a working app, with nothing refused', async ({
	browser,
	cspViolations
}) => {
	const path = '/en/venues/jining-museum';
	for (let visitor = 0; visitor < 2; visitor++) {
		const context = await browser.newContext({ baseURL: serverURL });
		const page = await context.newPage();
		const answer = await page.goto(path);
		expect(answer?.status()).toBe(200);
		expect(answer?.headers()['content-security-policy']).not.toContain('nonce');
		// The start-up script ran: it preloads the app's modules after the first paint, then starts it.
		await expect
			.poll(() => page.evaluate(() => document.querySelectorAll('link[rel=modulepreload]').length))
			.toBeGreaterThan(0);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await context.close();
	}
	expect(cspViolations).toEqual([]);
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
	// A venue no tour passes: a tour download's own tests count what its venues hold.
	const venue = recordIdBySlug('venues', 'culture-centre-open-air-stage');
	const photo = await sharp({
		create: { width: 200, height: 150, channels: 3, background: '#0f5e8c' }
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

test('narration recordings from /media, whole, in ranges and with a range past the end, carry the same headers as photos', async ({
	request
}) => {
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const venue = recordIdBySlug('venues', 'culture-centre-open-air-stage');
	const before = new Set(mediaFiles());
	const upload = await http.post(`/admin/venues/${venue}?/narration`, {
		multipart: {
			version: String(recordVersion('venues', venue)),
			language: 'zh',
			transcript: '头部测试录音的讲解文稿。',
			file: { name: 'headers.mp3', mimeType: 'audio/mpeg', buffer: Buffer.from(mp3(5)) }
		}
	});
	expect(upload.status()).toBe(303);
	const stored = mediaFiles().find((name) => !before.has(name));
	expect(stored).toBeTruthy();
	await http.dispose();

	const whole = await request.get(`/media/${stored}`);
	expect(whole.status()).toBe(200);
	expect(whole.headers()['content-type']).toBe('audio/mpeg');
	expectLockedPolicy(whole.headers(), 'a recording');
	const part = await request.get(`/media/${stored}`, { headers: { range: 'bytes=0-99' } });
	expect(part.status()).toBe(206);
	expect(part.headers()['content-range']).toMatch(/^bytes 0-99\/\d+$/);
	expectLockedPolicy(part.headers(), 'a part of a recording');
	const past = await request.get(`/media/${stored}`, {
		headers: { range: 'bytes=999999999-' }
	});
	expect(past.status()).toBe(416);
	expectLockedPolicy(past.headers(), 'a range past the end');
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
