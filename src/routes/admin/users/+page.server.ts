import { fail } from '@sveltejs/kit';
import { noControlCharacters } from '$lib/content/schemas/primitives';
import { getStore } from '$lib/server/app';
import { isEmail, roles } from '$lib/server/auth/accounts.js';
import { currentUser } from '$lib/server/auth/current';
import { minPasswordLength } from '$lib/server/auth/password.js';
import { throttleRepository } from '$lib/server/auth/throttle';
import { usersRepository } from '$lib/server/auth/users';
import { auditRepository } from '$lib/server/audit/log';
import type { Role } from '$lib/server/db/types';
import type { Actions, PageServerLoad } from './$types';

// Admin-only by the access table (auth/access.ts): no role check is repeated here.
export const load = (async () => {
	const db = getStore().db;
	const users = await usersRepository(db).list();
	const locks = await throttleRepository(db).accountLocks(users.map((u) => u.email));
	return {
		users: users.map((user) => {
			const lock = locks.get(user.email);
			return {
				...user,
				lock: lock && {
					until: lock.until.toISOString(),
					accountWide: lock.accountWide,
					addresses: lock.addresses
				}
			};
		}),
		minPasswordLength
	};
}) satisfies PageServerLoad;

async function target(form: FormData) {
	const users = usersRepository(getStore().db);
	const id = String(form.get('id') ?? '');
	return (await users.list()).find((u) => u.id === id);
}

/** As long as a name can usefully be shown beside a change in the audit log. */
const maxNameLength = 100;

export const actions = {
	create: async ({ request, locals }) => {
		const admin = currentUser(locals);
		const form = await request.formData();
		const values = {
			email: String(form.get('email') ?? '').trim(),
			name: String(form.get('name') ?? '').trim(),
			role: String(form.get('role') ?? 'editor') as Role
		};
		const password = String(form.get('password') ?? '');
		const problems: Record<string, string> = {};
		const users = usersRepository(getStore().db);
		if (!isEmail(values.email)) problems.email = 'email_invalid';
		else if (await users.emailTaken(values.email)) problems.email = 'email_taken';
		if (!values.name) problems.name = 'name_required';
		// Names show in the audit log and the console; PostgreSQL cannot store a NUL at all.
		else if (values.name.length > maxNameLength || !noControlCharacters(values.name)) {
			problems.name = 'name_invalid';
		}
		if (!roles.includes(values.role)) values.role = 'editor';
		if (password.length < minPasswordLength) problems.password = 'password_short';
		if (Object.keys(problems).length) return fail(400, { create: { values, problems } });
		const user = await users.create({ ...values, password });
		await auditRepository(getStore().db).record({
			userId: admin.id,
			action: 'user.create',
			entityType: 'users',
			entityId: user.id,
			changes: [
				{ path: 'email', after: user.email },
				{ path: 'name', after: user.name },
				{ path: 'role', after: user.role }
			]
		});
		return { created: user.email };
	},

	/** Disable, enable or change the role of an account; the last active admin is kept. */
	change: async ({ request, locals }) => {
		const admin = currentUser(locals);
		const form = await request.formData();
		const user = await target(form);
		if (!user) return fail(404, { change: 'not_found' });
		const what = String(form.get('change') ?? '');
		const users = usersRepository(getStore().db);
		const demotesAdmin =
			user.role === 'admin' && !user.disabled && (what === 'disable' || what === 'editor');
		if (demotesAdmin && user.id === admin.id) return fail(400, { change: 'not_self' });
		if (demotesAdmin && (await users.activeAdmins()) <= 1)
			return fail(400, { change: 'last_admin' });
		const audit = auditRepository(getStore().db);
		if (what === 'disable' || what === 'enable') {
			await users.setDisabled(user.id, what === 'disable');
			await audit.record({
				userId: admin.id,
				action: what === 'disable' ? 'user.disable' : 'user.enable',
				entityType: 'users',
				entityId: user.id,
				changes: [{ path: 'disabled', before: user.disabled, after: what === 'disable' }]
			});
		} else if (what === 'admin' || what === 'editor') {
			await users.setRole(user.id, what);
			await audit.record({
				userId: admin.id,
				action: 'user.role',
				entityType: 'users',
				entityId: user.id,
				changes: [{ path: 'role', before: user.role, after: what }]
			});
		} else {
			return fail(400, { change: 'invalid' });
		}
		return { changed: user.email };
	},

	/** Lifts every login lock of an account, from all addresses (see auth/throttle.ts). */
	unlock: async ({ request, locals }) => {
		const admin = currentUser(locals);
		const user = await target(await request.formData());
		if (!user) return fail(404, { change: 'not_found' });
		await usersRepository(getStore().db).unlock(user.id, admin.id);
		return { unlocked: user.email };
	}
} satisfies Actions;
