import { redirect } from '@sveltejs/kit';
import { consoleLanguage, consoleLanguageCookie } from '$lib/admin/language';
import { cookieSecurity } from '$lib/server/auth/cookie';
import { safeNext } from '$lib/server/hooks/auth';
import type { RequestHandler } from './$types';

/** Switches the console's language and returns to the page the editor was on. */
export const GET: RequestHandler = ({ cookies, url }) => {
	const current = consoleLanguage(cookies.get(consoleLanguageCookie));
	cookies.set(consoleLanguageCookie, current === 'en' ? 'zh' : 'en', {
		path: '/admin',
		// Only the server reads it (the console's layout load), so no script needs to.
		...cookieSecurity(),
		maxAge: 60 * 60 * 24 * 365
	});
	// The switch is on the login page too, so it may return there (with the login's own `next`).
	redirect(303, safeNext(url.searchParams.get('next'), { loginAllowed: true }));
};
