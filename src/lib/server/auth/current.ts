import { error } from '@sveltejs/kit';
import type { User } from './users';

/**
 * The signed-in user in a console load or action. hooks/auth.ts has already refused anyone who may
 * not be here; this only narrows the type (and fails closed if a route escaped the access table).
 */
export function currentUser(locals: App.Locals): User {
	if (!locals.user) error(401, 'Log in first');
	return locals.user;
}
