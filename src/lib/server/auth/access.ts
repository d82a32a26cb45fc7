import type { Role } from '../db/types';

export type Access = 'anyone' | Role;

/**
 * Who may use each console route, keyed by SvelteKit's route id: the route the framework will
 * actually run for a request, after it has decoded the path, so no spelling of a URL
 * (`/%61dmin/users`, `//admin`, `/admin/./users`) can reach a route under another entry. A route
 * id is exact: a page, its `__data.json` and its form actions share one entry.
 *
 * Deny by default: a console route (its id starts with `/admin` or `/api/admin`) that is not named
 * here is refused to everyone, so a new page can never be open by accident. A test compares this
 * table with the route tree: every console route must have an entry, and every entry a route.
 */
export const consoleRoutes: Readonly<Record<string, Access>> = {
	'/admin/login': 'anyone',
	'/admin/language': 'anyone',
	'/admin': 'editor',
	'/admin/account': 'editor',
	'/admin/logout': 'editor',
	'/admin/events': 'editor',
	'/admin/events/new': 'editor',
	'/admin/events/[id]': 'editor',
	'/admin/venues': 'editor',
	'/admin/venues/new': 'editor',
	'/admin/venues/[id]': 'editor',
	'/admin/festivals': 'editor',
	'/admin/festivals/new': 'editor',
	'/admin/festivals/[id]': 'editor',
	'/admin/tours': 'editor',
	'/admin/tours/new': 'editor',
	'/admin/tours/[id]': 'editor',
	'/admin/notices': 'editor',
	'/admin/notices/new': 'editor',
	'/admin/notices/[id]': 'editor',
	'/admin/preview/events/[id]': 'editor',
	'/admin/preview/venues/[id]': 'editor',
	'/admin/preview/festivals/[id]': 'editor',
	'/admin/preview/tours/[id]': 'editor',
	'/admin/preview/notices/[id]': 'editor',
	'/admin/import': 'editor',
	'/admin/import/template.csv': 'editor',
	'/admin/users': 'admin',
	'/admin/audit': 'admin',
	'/admin/holidays': 'admin'
};

/** Whether a route id belongs to the console (and so needs an entry above). */
export function isConsoleRoute(routeId: string): boolean {
	return /^\/(?:api\/)?admin(?:\/|$)/.test(routeId);
}

/**
 * What a route needs: undefined for the public site (no route, or not a console route), the entry
 * for a console route, and 'nobody' for a console route the table does not name.
 */
export function accessFor(routeId: string | null): Access | 'nobody' | undefined {
	if (routeId === null || !isConsoleRoute(routeId)) return undefined;
	return Object.hasOwn(consoleRoutes, routeId) ? consoleRoutes[routeId] : 'nobody';
}

const rank: Record<Role, number> = { editor: 1, admin: 2 };

/** Whether a user with `role` may use something that needs `needed`. */
export function allows(role: Role, needed: Role): boolean {
	return rank[role] >= rank[needed];
}
