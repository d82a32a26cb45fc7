import { fail } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { minPasswordLength, verifyPassword } from '$lib/server/auth/password.js';
import { setSessionCookie } from '$lib/server/auth/cookie';
import { sessionsRepository } from '$lib/server/auth/sessions';
import { usersRepository } from '$lib/server/auth/users';
import { auditRepository } from '$lib/server/audit/log';
import { currentUser } from '$lib/server/auth/current';
import type { Actions, PageServerLoad } from './$types';

export const load = (() => ({ minPasswordLength })) satisfies PageServerLoad;

export const actions = {
	/** A new password ends every session of the account, this one included, then starts a fresh one. */
	password: async ({ request, locals, cookies }) => {
		const user = currentUser(locals);
		const form = await request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('password') ?? '');
		const again = String(form.get('again') ?? '');
		const db = getStore().db;
		const row = await usersRepository(db).findForLogin(user.email);
		if (!row || !(await verifyPassword(current, row.password_hash))) {
			return fail(400, { field: 'current' as const, problem: 'wrong' as const });
		}
		if (next.length < minPasswordLength) {
			return fail(400, { field: 'password' as const, problem: 'short' as const });
		}
		if (next !== again) return fail(400, { field: 'again' as const, problem: 'mismatch' as const });
		await usersRepository(db).setPassword(user.id, next);
		await auditRepository(db).record({
			userId: user.id,
			action: 'user.password',
			entityType: 'users',
			entityId: user.id,
			changes: [{ path: 'password', before: '•••', after: '•••' }]
		});
		const { token, expiresAt } = await sessionsRepository(db).start(user.id);
		setSessionCookie(cookies, token, expiresAt);
		return { changed: true };
	}
} satisfies Actions;
