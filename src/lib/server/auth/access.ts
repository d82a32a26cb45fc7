import type { Role } from '../db/types';

/**
 * Who may reach what, in one table. Paths are matched by prefix on whole segments; the first
 * matching entry wins, so more specific entries come first. Anything under /admin or /api/admin not
 * listed needs at least an editor: forgetting an entry fails closed, never open.
 */
const rules: { prefix: string; access: 'anyone' | Role }[] = [
	{ prefix: '/admin/login', access: 'anyone' },
	{ prefix: '/admin/language', access: 'anyone' },
	{ prefix: '/admin/users', access: 'admin' },
	{ prefix: '/admin/audit', access: 'admin' },
	{ prefix: '/admin/holidays', access: 'admin' },
	{ prefix: '/api/admin/users', access: 'admin' },
	{ prefix: '/admin', access: 'editor' },
	{ prefix: '/api/admin', access: 'editor' }
];

const rank: Record<Role, number> = { editor: 1, admin: 2 };

const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

/** The access a path needs, or undefined for the public site. */
export function accessFor(pathname: string): 'anyone' | Role | undefined {
	// SvelteKit serves a page's data at `<path>/__data.json`: it is guarded like the page itself.
	const path = pathname.replace(/\/__data\.json$/, '') || '/';
	return rules.find((rule) => under(path, rule.prefix))?.access;
}

/** Whether a user with `role` may use something that needs `needed`. */
export function allows(role: Role, needed: Role): boolean {
	return rank[role] >= rank[needed];
}

/** A path whose data is editor-only (the hook loads sessions only for these). */
export function isConsolePath(pathname: string): boolean {
	return accessFor(pathname) !== undefined;
}
