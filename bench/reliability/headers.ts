// headers: what the app's answers say to browsers, summed up over pages, the feed, photos, the
// console and errors, as a visitor's and an editor's browser receive them.
import sharp from 'sharp';
import { liveIds, postForm, versionOf } from './console';
import { send, type Answer } from './http';
import { postLogin, sessionCookie, type Target } from './target';

export interface HeaderFigures {
	summary: string;
	details: string[];
}

const directives = (policy: string) =>
	new Map(
		policy
			.split(';')
			.map((part) => part.trim().split(/\s+/))
			.filter(([name]) => name)
			.map(([name, ...sources]) => [name, sources] as const)
	);

/** Strict: scripts only from the app or with a nonce or hash, nothing inline or evaluated. */
function strictScripts(policy: string): boolean {
	const d = directives(policy);
	const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
	const none = scripts.length === 1 && scripts[0] === "'none'";
	const keyed = scripts.every((s) => s === "'self'" || /^'(nonce|sha256)-/.test(s));
	// object-src falls back to default-src; base-uri has no fallback.
	const objects = d.get('object-src') ?? d.get('default-src');
	return (
		(none || keyed) && objects?.join(' ') === "'none'" && d.get('base-uri')?.join(' ') === "'none'"
	);
}

export async function headerSummary(t: Target): Promise<HeaderFigures> {
	const [venue] = await t.db.all("select slug from venues where status = 'published' limit 1");
	const [event] = await liveIds(t, 'events');
	const photoKey = await somePhoto(t);
	const cookie = t.cookies.admin;
	const asks: { path: string; kind: 'page' | 'other'; cookie?: string; frame?: string }[] = [
		{ path: '/', kind: 'page' },
		{ path: '/en/events', kind: 'page' },
		{ path: `/venues/${venue.slug}`, kind: 'page' },
		{ path: '/shell.html', kind: 'page' },
		{ path: '/no-such-page', kind: 'page' },
		{ path: '/admin/login', kind: 'page' },
		{ path: '/admin/events', kind: 'page', cookie },
		{ path: `/admin/events/${event}`, kind: 'page', cookie },
		{ path: `/admin/preview/events/${event}`, kind: 'page', cookie, frame: "'self'" },
		{ path: '/api/v1/content', kind: 'other' },
		{ path: '/api/v1/content?since=1', kind: 'other' },
		{ path: '/api/v1/content?since=-1', kind: 'other' },
		{ path: '/api/v1/events.ics', kind: 'other' },
		{ path: '/sitemap.xml', kind: 'other' },
		{ path: '/api/v1/nothing', kind: 'other' },
		{ path: '/admin/users', kind: 'other' },
		...(photoKey
			? [{ path: photoKey.replace(/^https?:\/\/[^/]+/, ''), kind: 'other' as const }]
			: []),
		{ path: '/media/nothing-480.webp', kind: 'other' }
	];
	const details: string[] = [];
	const count = { csp: 0, pages: 0, hsts: 0, frame: 0, referrer: 0, permissions: 0, coop: 0 };
	const all = asks.length;
	for (const ask of asks) {
		const answer: Answer = await send(t.origin, {
			path: ask.path,
			headers: { accept: 'text/html', ...(ask.cookie ? { cookie: ask.cookie } : {}) }
		});
		const h = (name: string) => String(answer.headers[name] ?? '');
		const policy = h('content-security-policy');
		const frame = directives(policy).get('frame-ancestors')?.join(' ');
		const ok = {
			csp: policy !== '' && strictScripts(policy),
			hsts: /max-age=\d{7,}/.test(h('strict-transport-security')),
			frame:
				frame === (ask.frame ?? "'none'") &&
				h('x-frame-options') === (ask.frame ? 'SAMEORIGIN' : 'DENY'),
			referrer: h('referrer-policy') === 'strict-origin-when-cross-origin',
			permissions: /camera=\(\).*microphone=\(\).*payment=\(\).*geolocation=\(self\)/.test(
				h('permissions-policy')
			),
			coop: h('cross-origin-opener-policy') === 'same-origin'
		};
		if (ask.kind === 'page' && /'(nonce|sha256)-/.test(policy)) count.pages++;
		for (const [key, good] of Object.entries(ok)) {
			if (good) count[key as keyof typeof ok]++;
			else details.push(`${ask.path} (${answer.status}): ${key} missing or weak`);
		}
	}
	const pages = asks.filter((a) => a.kind === 'page').length;
	// The cookies as a login sets them.
	const session = await loginCookie(t);
	const language = await send(t.origin, { path: '/admin/language' });
	const cookies = [session, [].concat((language.headers['set-cookie'] ?? []) as never).join('')];
	const sound = cookies.filter(
		(c) => /;\s*HttpOnly/i.test(c) && /;\s*Secure/i.test(c) && /;\s*SameSite=(Lax|Strict)/i.test(c)
	).length;
	const summary =
		`CSP ${count.csp}/${all} strict (nonce or hash on ${count.pages}/${pages} pages, ` +
		`no unsafe-inline/eval for scripts, object-src and base-uri 'none'), ` +
		`HSTS ${count.hsts}/${all}, frame ${count.frame}/${all} (DENY; previews SAMEORIGIN), ` +
		`referrer ${count.referrer}/${all} strict-origin-when-cross-origin, ` +
		`permissions ${count.permissions}/${all} (camera, microphone, payment off; geolocation self), ` +
		`COOP ${count.coop}/${all}, cookies ${sound}/${cookies.length} HttpOnly Secure SameSite=Lax`;
	return { summary, details };
}

async function loginCookie(t: Target): Promise<string> {
	const { email, password } = t.accounts.editor;
	return sessionCookie(await postLogin(t.origin, email, password));
}

/** A photo the app serves: one uploaded through a venue's photo form. */
async function somePhoto(t: Target): Promise<string | undefined> {
	const [id] = await liveIds(t, 'venues');
	const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#2b86b8' } })
		.png()
		.toBuffer();
	await postForm(
		t,
		`/admin/venues/${id}?/image`,
		[
			['version', String(await versionOf(t, 'venues', id))],
			['alt.zh', '标头检查照片']
		],
		{ files: { file: { name: 'headers.png', type: 'image/png', data: png } } }
	);
	const [row] = await t.db.all('select data from venues where id = $1', [id]);
	return /\/media\/[\w.-]+\.webp/.exec(String(row?.data ?? ''))?.[0];
}
