import { fail, redirect } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { sessionCookie, setSessionCookie } from '$lib/server/auth/cookie';
import { logIn } from '$lib/server/auth/login';
import { sessionsRepository } from '$lib/server/auth/sessions';
import { safeNext } from '$lib/server/hooks/auth';
import type { Actions, PageServerLoad } from './$types';

export const load = (({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return {
		next: safeNext(url.searchParams.get('next')),
		loggedOut: url.searchParams.has('loggedOut')
	};
}) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, cookies, getClientAddress }) => {
		const form = await request.formData();
		const email = String(form.get('email') ?? '').trim();
		const password = String(form.get('password') ?? '');
		const next = safeNext(String(form.get('next') ?? ''));
		if (!email || !password) return fail(400, { email, problem: 'missing' as const });

		const db = getStore().db;
		const outcome = await logIn(db, { email, password, address: getClientAddress() });
		if (!outcome.ok) {
			if (outcome.reason === 'invalid') return fail(400, { email, problem: 'invalid' as const });
			const minutes = Math.max(1, Math.ceil((outcome.until.getTime() - Date.now()) / 60_000));
			return fail(429, { email, problem: 'throttled' as const, minutes });
		}
		// A new session at every login: a token planted before login (session fixation) is dropped.
		const previous = cookies.get(sessionCookie);
		if (previous) await sessionsRepository(db).end(previous);
		setSessionCookie(cookies, outcome.token, outcome.expiresAt);
		redirect(303, next);
	}
} satisfies Actions;
