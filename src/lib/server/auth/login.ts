import { auditRepository } from '../audit/log';
import type { Db } from '../db/connect';
import { normalizeEmail } from './accounts.js';
import { unusableHash, verifyPassword } from './password.js';
import { sessionsRepository } from './sessions';
import { loginCounters, throttleRepository, type NewLock } from './throttle';
import { usersRepository, type User } from './users';

export type LoginOutcome =
	| { ok: true; user: User; token: string; expiresAt: Date }
	/** Unknown email, wrong password and disabled account all look the same to the visitor. */
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'throttled'; until: Date };

/** Typed text as a throttle key and audit value: no control characters, bounded length. */
const bounded = (text: string, max: number) =>
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	text.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);

/**
 * A failed login and the locks it started go into the audit log: who tried (the email typed, and
 * the account when there is one) from which address. Only attempts that were checked are
 * recorded (each cost a password hash); attempts refused by a lock are not, so a locked-out
 * stranger cannot flood the log.
 */
async function recordFailure(
	db: Db,
	attempt: { email: string; address: string; account?: string },
	locks: NewLock[],
	now: Date
) {
	const audit = auditRepository(db);
	const who = [
		{ path: 'email', after: attempt.email },
		{ path: 'address', after: attempt.address },
		...(attempt.account ? [{ path: 'account', after: attempt.account }] : [])
	];
	const entry = { userId: null, entityType: 'login', entityId: attempt.email };
	await audit.record({ ...entry, action: 'login.fail', changes: who }, now);
	for (const lock of locks) {
		await audit.record(
			{
				...entry,
				action: 'login.lock',
				changes: [
					...who,
					{ path: 'lock', after: lock.kind },
					{ path: 'lockedUntil', after: lock.until.toISOString() }
				]
			},
			now
		);
	}
}

/**
 * Checks a login attempt and, when it succeeds, starts a new session. Every path costs one scrypt
 * hash, so response time does not tell an unknown email from a wrong password.
 */
export async function logIn(
	db: Db,
	attempt: { email: string; password: string; address: string },
	now = new Date()
): Promise<LoginOutcome> {
	const email = bounded(normalizeEmail(attempt.email), 254);
	const address = bounded(attempt.address, 100);
	const throttle = throttleRepository(db);
	const keys = loginCounters(email, address).map((c) => c.key);
	const until = await throttle.lockedUntil(keys, now);
	if (until) return { ok: false, reason: 'throttled', until };

	const row = await usersRepository(db).findForLogin(email);
	const usable = row && row.disabled === 0;
	const matches = await verifyPassword(attempt.password, usable ? row.password_hash : unusableHash);
	if (!usable || !matches) {
		const locks = await throttle.failedLogin(email, address, now);
		await recordFailure(db, { email, address, account: row?.id }, locks, now);
		const lockedNow = await throttle.lockedUntil(keys, now);
		return lockedNow
			? { ok: false, reason: 'throttled', until: lockedNow }
			: { ok: false, reason: 'invalid' };
	}
	await throttle.loggedIn(email, address);
	const { token, expiresAt } = await sessionsRepository(db).start(row.id, now);
	return {
		ok: true,
		user: { id: row.id, email: row.email, name: row.name, role: row.role },
		token,
		expiresAt
	};
}
