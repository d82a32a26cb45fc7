import { json, type Handle, type RequestEvent } from '@sveltejs/kit';
import { consoleLanguage, consoleLanguageCookie } from '$lib/admin/language';

const formTypes = ['application/x-www-form-urlencoded', 'multipart/form-data'];

const words = {
	zh: {
		type: (got: string) =>
			`表单必须以 multipart/form-data 或 application/x-www-form-urlencoded 提交，而不是 ${got}。`,
		broken: '无法读取表单内容：请求正文不完整或格式错误。请刷新页面后重新提交。'
	},
	en: {
		type: (got: string) =>
			`A form must be sent as multipart/form-data or application/x-www-form-urlencoded, not ${got}.`,
		broken:
			'The form could not be read: its body is incomplete or malformed. Reload the page and send it again.'
	}
};

function refuse(event: RequestEvent, status: 400 | 415, message: string): Response {
	// An enhanced form reads an ActionResult; anything else gets the sentence itself.
	if (event.request.headers.get('x-sveltekit-action') === 'true') {
		return json({ type: 'error', error: { message } }, { status });
	}
	return new Response(message, {
		status,
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}

/**
 * A post to a page is a form action, and SvelteKit reads its body with `request.formData()`, which
 * throws on another content type or a broken multipart body: the action would end in a 500. So the
 * body is checked here first (on a copy, which the action then reads again) and refused with a 415
 * or 400 that says what was wrong, in the console's language. Runs after the access check, so a
 * stranger learns nothing from it. API endpoints (`/api/…`) read JSON and answer for themselves.
 */
export const formBody: Handle = async ({ event, resolve }) => {
	const { method } = event.request;
	const route = event.route.id;
	if (method === 'GET' || method === 'HEAD' || !route || route.startsWith('/api/')) {
		return resolve(event);
	}
	const lang = words[consoleLanguage(event.cookies.get(consoleLanguageCookie))];
	const type = (event.request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
	if (!formTypes.includes(type)) return refuse(event, 415, lang.type(type || 'nothing'));
	try {
		await event.request.clone().formData();
	} catch {
		return refuse(event, 400, lang.broken);
	}
	return resolve(event);
};
