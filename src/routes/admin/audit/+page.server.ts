import { localDate } from '$lib/content/schemas/primitives';
import { addDays, shanghaiToInstant } from '$lib/content/time';
import { getStore } from '$lib/server/app';
import { auditRepository, type AuditEntry, type AuditFilter } from '$lib/server/audit/log';
import { auditSubjects } from '$lib/server/audit/titles';
import { usersRepository } from '$lib/server/auth/users';
import type { PageServerLoad } from './$types';

const pageSize = 50;
const entityTypes = ['events', 'venues', 'festivals', 'tours', 'notices', 'users', 'login'];
const actions = [
	'create',
	'update',
	'publish',
	'unpublish',
	'cancel',
	'delete',
	'user.create',
	'user.disable',
	'user.enable',
	'user.role',
	'user.password',
	'user.unlock',
	'login.fail',
	'login.lock'
];

/**
 * Who an entry is by: the account that made the change; for a login attempt, the email typed and
 * the address it came from (nobody is signed in); for the account command, no account (null).
 */
function who(entry: AuditEntry, names: Map<string, string>): { name: string; command?: true } {
	if (entry.action.startsWith('login.')) {
		const value = (path: string) => entry.changes.find((c) => c.path === path)?.after;
		return { name: `${value('email') ?? entry.entityId} · ${value('address') ?? '?'}` };
	}
	if (!entry.userId) return { name: '', command: true };
	return { name: names.get(entry.userId) || entry.userId };
}

// Admin-only by the access table (auth/access.ts).
export const load = (async ({ url }) => {
	const store = getStore();
	const get = (name: string) => url.searchParams.get(name)?.trim() ?? '';
	const date = (name: string) => (localDate.safeParse(get(name)).success ? get(name) : '');
	const query = {
		userId: get('userId'),
		entityType: entityTypes.includes(get('entityType')) ? get('entityType') : '',
		entityId: get('entityId'),
		action: actions.includes(get('action')) ? get('action') : '',
		from: date('from'),
		to: date('to')
	};
	// Dates are Shanghai calendar days; the log stores instants.
	const filter: AuditFilter = {
		userId: query.userId || undefined,
		entityType: query.entityType || undefined,
		entityId: query.entityId || undefined,
		action: query.action || undefined,
		from: query.from ? shanghaiToInstant(query.from).toISOString() : undefined,
		to: query.to ? shanghaiToInstant(addDays(query.to, 1)).toISOString() : undefined
	};
	const requested = Number(get('page'));
	const audit = auditRepository(store.db);
	const total = await audit.count(filter);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Number.isInteger(requested) && requested > 1 ? requested : 1, pages);
	const users = await usersRepository(store.db).list();
	const names = new Map(users.map((u) => [u.id, u.name]));
	const listed = await audit.list(filter, pageSize, (page - 1) * pageSize);
	const subjects = await auditSubjects(store, listed, names);
	const entries = listed.map((e) => ({
		...e,
		// A failed login names the account tried by its id: show whose it is.
		changes: e.changes.map((c) =>
			c.path === 'account' && typeof c.after === 'string' && names.has(c.after)
				? { ...c, after: `${names.get(c.after)} (${c.after})` }
				: c
		),
		by: who(e, names),
		subject: subjects[`${e.entityType}:${e.entityId}`]
	}));
	return {
		query,
		entries,
		total,
		page,
		pages,
		users: users.map((u) => ({ id: u.id, name: u.name })),
		entityTypes,
		actions
	};
}) satisfies PageServerLoad;
