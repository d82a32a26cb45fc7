import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { getStore } from '../app';
import { accessFor, allows } from '../auth/access';
import type { Role } from '../db/types';
import { clearSessionCookie, sessionCookie } from '../auth/cookie';
import { sessionsRepository } from '../auth/sessions';

export const loginPath = '/admin/login';

/** A line break in a redirect's location would split the response's headers. */
const hasControlCharacter = (text: string) =>
	[...text].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);

/**
 * Where to come back to after logging in: a console page on this site, never elsewhere. The value
 * is resolved the way a browser would resolve it (so `//evil.example`, `/\\evil.example` or a
 * decoded `..` cannot leave the console), and what comes back is that resolved path, not the text.
 */
export function safeNext(
	next: string | null | undefined,
	{ loginAllowed = false }: { loginAllowed?: boolean } = {}
): string {
	if (!next || !next.startsWith('/') || hasControlCharacter(next)) return '/admin';
	let url: URL;
	try {
		url = new URL(next, 'http://console.invalid');
	} catch {
		return '/admin';
	}
	if (url.origin !== 'http://console.invalid') return '/admin';
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return '/admin';
	}
	if (!/^\/admin(?:\/|$)/.test(path)) return '/admin';
	if (!loginAllowed && /^\/admin\/login(?:\/|$)/.test(path)) return '/admin';
	return url.pathname + url.search;
}

const isAction = (event: RequestEvent) =>
	event.request.method !== 'GET' && event.request.method !== 'HEAD';
const isApi = (event: RequestEvent) => event.route.id?.startsWith('/api/') ?? false;
// Forms enhanced by SvelteKit post with this header and read an ActionResult as JSON.
const isEnhancedAction = (event: RequestEvent) =>
	event.request.headers.get('x-sveltekit-action') === 'true';

function loginRequired(event: RequestEvent): Response {
	const next = isAction(event)
		? ''
		: `?next=${encodeURIComponent(event.url.pathname + event.url.search)}`;
	const location = `${loginPath}${next}`;
	if (isApi(event)) {
		return json({ error: { status: 401, message: 'Log in first' } }, { status: 401 });
	}
	if (isEnhancedAction(event))
		return json({ type: 'redirect', status: 303, location }, { status: 401 });
	// A client-side navigation asks for __data.json: SvelteKit follows this redirect node.
	if (event.isDataRequest) return json({ type: 'redirect', location });
	return new Response(null, { status: 303, headers: { location } });
}

function notAllowed(event: RequestEvent, needed: Role | 'nobody'): Response {
	const message =
		needed === 'nobody'
			? 'This console page is not in the access table'
			: 'Only administrators may do this';
	if (isApi(event)) return json({ error: { status: 403, message } }, { status: 403 });
	if (isEnhancedAction(event)) return json({ type: 'error', error: { message } }, { status: 403 });
	if (event.isDataRequest) return json(message, { status: 403 });
	return new Response(forbiddenPage, {
		status: 403,
		headers: { 'content-type': 'text/html; charset=utf-8' }
	});
}

const forbiddenPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>无权访问 · Not allowed</title></head>
<body style="font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.6">
<h1>无权访问</h1><p>此页面仅限管理员使用。</p>
<p lang="en">Not allowed: this page is for administrators only.</p>
<p><a href="/admin">返回编辑后台 · Back to the console</a></p></body></html>`;

/**
 * The one access check of the editor console. It decides by the route SvelteKit has matched for
 * the request (`event.route.id`), never by the text of the path: the router decodes and normalises
 * the path, so comparing strings would let another spelling of a URL walk past the check. It loads
 * the session for console routes into `locals.user`, then lets a request through only if the
 * route's entry in auth/access.ts allows the user's role; a console route without an entry is
 * refused to everyone. Pages, their data requests, form actions and endpoints all pass here, so no
 * action or load repeats the check.
 */
export const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const needed = accessFor(event.route.id);
	if (!needed) return resolve(event);
	if (needed === 'nobody') return notAllowed(event, needed);

	const token = event.cookies.get(sessionCookie);
	if (token) {
		const user = await sessionsRepository(getStore().db).resolve(token);
		if (user) event.locals.user = user;
		else clearSessionCookie(event.cookies);
	}
	if (needed === 'anyone') return resolve(event);
	const user = event.locals.user;
	if (!user) return loginRequired(event);
	if (!allows(user.role, needed)) return notAllowed(event, needed);
	return resolve(event);
};
