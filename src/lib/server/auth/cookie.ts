import type { Cookies } from '@sveltejs/kit';
import { config } from '../config';

export const sessionCookie = 'taibai_session';

/**
 * Every cookie the app sets: HttpOnly so scripts cannot read it, SameSite=Lax so other sites cannot
 * post with it, Secure except in local development and tests (plain http on localhost).
 */
export function cookieSecurity(env = config().NODE_ENV) {
	return {
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: env !== 'development' && env !== 'test'
	};
}

function options(expires?: Date) {
	return { path: '/', ...cookieSecurity(), ...(expires ? { expires } : {}) };
}

export function setSessionCookie(cookies: Cookies, token: string, expires: Date): void {
	cookies.set(sessionCookie, token, options(expires));
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(sessionCookie, options());
}
