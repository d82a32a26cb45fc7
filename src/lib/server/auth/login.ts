import type { Db } from '../db/connect';
import { normalizeEmail } from './accounts.js';
import { unusableHash, verifyPassword } from './password.js';
import { sessionsRepository } from './sessions';
import { throttleKey, throttleRepository } from './throttle';
import { usersRepository, type User } from './users';

export type LoginOutcome =
	| { ok: true; user: User; token: string; expiresAt: Date }
	/** Unknown email, wrong password and disabled account all look the same to the visitor. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; until: Date };

/**
 * Checks a login attempt and, when it succeeds, starts a new session. Every path costs one scrypt
 * hash, so response time does not tell an unknown email from a wrong password.
 */
export async function logIn(
	db: Db,
	attempt: { email: string; password: string; address: string },
	now = new Date()
): Promise<LoginOutcome> {
	const email = normalizeEmail(attempt.email);
	const throttle = throttleRepository(db);
	const keys = [throttleKey('account', email), throttleKey('address', attempt.address)];
	const until = await throttle.lockedUntil(keys, now);
	if (until) return { ok: false, reason: 'throttled', until };

	const row = await usersRepository(db).findForLogin(email);
	const usable = row && row.disabled === 0;
	const matches = await verifyPassword(attempt.password, usable ? row.password_hash : unusableHash);
	if (!usable || !matches) {
		await throttle.fail('account', email, now);
		await throttle.fail('address', attempt.address, now);
		const lockedNow = await throttle.lockedUntil(keys, now);
		return lockedNow
			? { ok: false, reason: 'throttled', until: lockedNow }
			: { ok: false, reason: 'invalid' };
	}
	await throttle.clear('account', email);
	const { token, expiresAt } = await sessionsRepository(db).start(row.id, now);
	return {
		ok: true,
		user: { id: row.id, email: row.email, name: row.name, role: row.role },
		token,
		expiresAt
	};
}
