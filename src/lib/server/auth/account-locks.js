// Plain JavaScript, for the account command (`npm run admin`), which runs without the server's
// TypeScript: lifting an account's login locks over its SQL client (scripts/sql-client.js). The
// server does the same through auth/throttle.ts (`unlockAccount`); both rely on one fact of the
// schema (migration 004): every throttle row of an account names it in `account`.

/** @typedef {{ get: (sql: string, ...params: unknown[]) => Promise<any>, run: (sql: string, ...params: unknown[]) => Promise<void> }} SqlClient */

/**
 * Lifts every login lock of an account (account-wide, and the waits of every address on it) and
 * forgets its failures. Run it inside the caller's transaction.
 * @param {SqlClient} db
 * @param {string} email the account's (normalized) email
 * @returns {Promise<string | undefined>} when the latest lock lifted would have ended (ISO)
 */
export async function liftAccountLocks(db, email, now = new Date()) {
	const row = await db.get(
		'select max(locked_until) as until from login_attempts where account = ? and locked_until > ?',
		email,
		now.toISOString()
	);
	await db.run('delete from login_attempts where account = ?', email);
	return row?.until ?? undefined;
}

/**
 * Records in the audit log that the account command lifted an account's locks (no console account
 * did it: `user_id` is null, shown as the server command).
 * @param {SqlClient} db
 * @param {{ id: string }} user
 * @param {string | undefined} until what `liftAccountLocks` answered
 */
export async function recordUnlock(db, user, until, now = new Date()) {
	await db.run(
		`insert into audit_log (at, user_id, action, entity_type, entity_id, version, diff)
		 values (?, null, 'user.unlock', 'users', ?, null, ?)`,
		now.toISOString(),
		user.id,
		JSON.stringify([{ path: 'lockedUntil', ...(until ? { before: until } : {}) }])
	);
}
