import { redirect } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { clearSessionCookie, sessionCookie } from '$lib/server/auth/cookie';
import { sessionsRepository } from '$lib/server/auth/sessions';
import type { Actions, PageServerLoad } from './$types';

// Logging out is a POST (a link could be triggered by another site's <img>); GET just goes home.
export const load = (() => redirect(303, '/admin')) satisfies PageServerLoad;

export const actions = {
	default: async ({ cookies }) => {
		const token = cookies.get(sessionCookie);
		if (token) await sessionsRepository(getStore().db).end(token);
		clearSessionCookie(cookies);
		redirect(303, '/admin/login?loggedOut=1');
	}
} satisfies Actions;
