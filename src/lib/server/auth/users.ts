import type { Role, User } from '$lib/admin/types';
import { auditRepository } from '../audit/log';
import type { Db } from '../db/connect';
import type { UserRow } from '../db/types';
import { newUserId, normalizeEmail } from './accounts.js';
import { hashPassword } from './password.js';
import { throttleRepository } from './throttle';
import { storableKey } from '../db/keys';

export type { User };

export interface UserListing extends User {
	disabled: boolean;
	createdAt: string;
}

const publicUser = (row: Pick<UserRow, 'id' | 'email' | 'name' | 'role'>): User => ({
	id: row.id,
	email: row.email,
	name: row.name,
	role: row.role
});

/**
 * Lifts the login locks of the account `id`, inside the caller's transaction, and answers when the
 * latest would have ended. With `by` (an admin's id, or null for the server's command) the lifting
 * is recorded in the audit log: always for an explicit unlock, else only when a lock was in force.
 */
async function unlock(
	trx: Db,
	id: string,
	by?: { userId: string | null; always: boolean }
): Promise<Date | undefined> {
	const row = await trx.selectFrom('users').select('email').where('id', '=', id).executeTakeFirst();
	if (!row) return undefined;
	const until = await throttleRepository(trx).unlockAccount(row.email);
	if (by && (until || by.always)) {
		await auditRepository(trx).record({
			userId: by.userId,
			action: 'user.unlock',
			entityType: 'users',
			entityId: id,
			changes: [{ path: 'lockedUntil', ...(until ? { before: until.toISOString() } : {}) }]
		});
	}
	return until;
}

/** Who lifts an account's locks, for the audit log: an admin's id, or null for `npm run admin`. */
export interface UnlockedBy {
	unlockedBy?: string | null;
}

const recorded = (userId: string | null | undefined, always: boolean) =>
	userId === undefined ? undefined : { userId, always };

/** All queries on accounts. */
export function usersRepository(db: Db) {
	return {
		/** The row with its hash, for logging in only. */
		async findForLogin(email: string): Promise<UserRow | undefined> {
			return db
				.selectFrom('users')
				.selectAll()
				.where('email', '=', normalizeEmail(email))
				.executeTakeFirst();
		},

		async getById(id: string): Promise<User | undefined> {
			if (!storableKey(id)) return undefined;
			const row = await db
				.selectFrom('users')
				.select(['id', 'email', 'name', 'role'])
				.where('id', '=', id)
				.where('disabled', '=', 0)
				.executeTakeFirst();
			return row ? publicUser(row) : undefined;
		},

		async list(): Promise<UserListing[]> {
			const rows = await db.selectFrom('users').selectAll().orderBy('email').execute();
			return rows.map((row) => ({
				...publicUser(row),
				disabled: row.disabled === 1,
				createdAt: row.created_at
			}));
		},

		async count(): Promise<number> {
			const row = await db
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			return Number(row.n);
		},

		/** Names by id, for showing who made each change in the audit log. */
		async names(): Promise<Map<string, string>> {
			const rows = await db.selectFrom('users').select(['id', 'name']).execute();
			return new Map(rows.map((r) => [r.id, r.name]));
		},

		async create(input: {
			email: string;
			name: string;
			role: Role;
			password: string;
		}): Promise<User> {
			const row: UserRow = {
				id: newUserId(),
				email: normalizeEmail(input.email),
				name: input.name.trim(),
				role: input.role,
				password_hash: await hashPassword(input.password),
				created_at: new Date().toISOString(),
				disabled: 0
			};
			await db.insertInto('users').values(row).execute();
			return publicUser(row);
		},

		async emailTaken(email: string): Promise<boolean> {
			const row = await db
				.selectFrom('users')
				.select('id')
				.where('email', '=', normalizeEmail(email))
				.executeTakeFirst();
			return !!row;
		},

		/**
		 * Sets a new password, ends every session of the account (the caller starts a new one) and
		 * lifts its login locks: whoever failed before failed against the old password.
		 */
		async setPassword(
			id: string,
			password: string,
			{ unlockedBy }: UnlockedBy = {}
		): Promise<Date | undefined> {
			const hash = await hashPassword(password);
			return db.transaction().execute(async (trx) => {
				await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
				await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
				return unlock(trx, id, recorded(unlockedBy, false));
			});
		},

		/** Disabling ends the account's sessions at once; enabling lifts its login locks. */
		async setDisabled(
			id: string,
			disabled: boolean,
			{ unlockedBy }: UnlockedBy = {}
		): Promise<void> {
			await db.transaction().execute(async (trx) => {
				await trx
					.updateTable('users')
					.set({ disabled: disabled ? 1 : 0 })
					.where('id', '=', id)
					.execute();
				if (disabled) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
				else await unlock(trx, id, recorded(unlockedBy, false));
			});
		},

		/**
		 * Lifts every login lock of an account, from all addresses (see throttle.ts), and records
		 * it; answers when the latest lock would have ended, undefined if none was in force.
		 */
		async unlock(id: string, unlockedBy: string | null): Promise<Date | undefined> {
			return db
				.transaction()
				.execute((trx) => unlock(trx, id, { userId: unlockedBy, always: true }));
		},

		async setRole(id: string, role: Role): Promise<void> {
			await db.updateTable('users').set({ role }).where('id', '=', id).execute();
		},

		/** How many enabled admins there are: the last one may not be disabled or demoted. */
		async activeAdmins(): Promise<number> {
			const row = await db
				.selectFrom('users')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.where('role', '=', 'admin')
				.where('disabled', '=', 0)
				.executeTakeFirstOrThrow();
			return Number(row.n);
		}
	};
}

export type UsersRepository = ReturnType<typeof usersRepository>;
