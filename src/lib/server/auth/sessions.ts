import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../db/connect';
import type { User } from './users';

/** A session ends after two hours without a request, and after twelve hours whatever happens. */
export const idleTimeoutMs = 2 * 60 * 60 * 1000;
export const absoluteTimeoutMs = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn every page view into a write.
const touchEveryMs = 60 * 1000;

/** Only the hash is stored: the database alone cannot be turned back into a valid cookie. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

/** All queries on sessions. */
export function sessionsRepository(db: Db) {
	return {
		/** Starts a session and returns its token (32 random bytes, base64url) for the cookie. */
		async start(userId: string, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
			const token = randomBytes(32).toString('base64url');
			const expiresAt = new Date(now.getTime() + absoluteTimeoutMs);
			await db
				.insertInto('sessions')
				.values({
					token_hash: hashToken(token),
					user_id: userId,
					created_at: now.toISOString(),
					last_seen_at: now.toISOString(),
					expires_at: expiresAt.toISOString()
				})
				.execute();
			return { token, expiresAt };
		},

		/** The user of a live session, or undefined; an expired session is removed on sight. */
		async resolve(token: string, now = new Date()): Promise<User | undefined> {
			const tokenHash = hashToken(token);
			const row = await db
				.selectFrom('sessions')
				.innerJoin('users', 'users.id', 'sessions.user_id')
				.select([
					'sessions.last_seen_at',
					'sessions.expires_at',
					'users.id',
					'users.email',
					'users.name',
					'users.role',
					'users.disabled'
				])
				.where('sessions.token_hash', '=', tokenHash)
				.executeTakeFirst();
			if (!row) return undefined;
			const lastSeen = Date.parse(row.last_seen_at);
			const expired =
				row.disabled === 1 ||
				now.getTime() >= Date.parse(row.expires_at) ||
				now.getTime() - lastSeen >= idleTimeoutMs;
			if (expired) {
				await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
				return undefined;
			}
			if (now.getTime() - lastSeen >= touchEveryMs) {
				await db
					.updateTable('sessions')
					.set({ last_seen_at: now.toISOString() })
					.where('token_hash', '=', tokenHash)
					.execute();
			}
			return { id: row.id, email: row.email, name: row.name, role: row.role };
		},

		async end(token: string): Promise<void> {
			await db.deleteFrom('sessions').where('token_hash', '=', hashToken(token)).execute();
		},

		async endAllOf(userId: string): Promise<void> {
			await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
		},

		/** Drops expired sessions (run at start-up; resolve() also removes them one by one). */
		async purgeExpired(now = new Date()): Promise<void> {
			await db
				.deleteFrom('sessions')
				.where((eb) =>
					eb.or([
						eb('expires_at', '<=', now.toISOString()),
						eb('last_seen_at', '<=', new Date(now.getTime() - idleTimeoutMs).toISOString())
					])
				)
				.execute();
		}
	};
}

export type SessionsRepository = ReturnType<typeof sessionsRepository>;
