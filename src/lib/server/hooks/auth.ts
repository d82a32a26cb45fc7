import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { getStore } from '../app';
import { accessFor, allows } from '../auth/access';
import { clearSessionCookie, sessionCookie } from '../auth/cookie';
import { sessionsRepository } from '../auth/sessions';

export const loginPath = '/admin/login';

/** Where to come back to after logging in: a console path on this site, never elsewhere. */
export function safeNext(next: string | null | undefined): string {
	return next && /^\/admin(?:[/?#]|$)/.test(next) && !next.startsWith(loginPath) ? next : '/admin';
}

const isAction = (event: RequestEvent) =>
	event.request.method !== 'GET' && event.request.method !== 'HEAD';
const isApi = (event: RequestEvent) => event.url.pathname.startsWith('/api/');
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

function notAllowed(event: RequestEvent): Response {
	const message = 'Only administrators may do this';
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
 * The one access check of the editor console. It loads the session for console paths into
 * `locals.user`, then lets a request through only if the path's entry in auth/access.ts allows the
 * user's role. Pages, their data requests, form actions and /api/admin endpoints all pass here, so
 * no action or load repeats the check.
 */
export const auth: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	const needed = accessFor(event.url.pathname);
	if (!needed) return resolve(event);

	const token = event.cookies.get(sessionCookie);
	if (token) {
		const user = await sessionsRepository(getStore().db).resolve(token);
		if (user) event.locals.user = user;
		else clearSessionCookie(event.cookies);
	}
	if (needed === 'anyone') return resolve(event);
	const user = event.locals.user;
	if (!user) return loginRequired(event);
	if (!allows(user.role, needed)) return notAllowed(event);
	return resolve(event);
};
