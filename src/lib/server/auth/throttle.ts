import type { Db } from '../db/connect';
import { dialectOf } from '../db/dialect';

const minute = 60_000;

/**
 * Every failed login counts three times, so that a stranger who knows an editor's email cannot
 * keep the editor out:
 * - one address on one account (`pair`): three free tries, then each further failure doubles the
 *   wait (1, 2, 4 … minutes, at most an hour). A stranger guessing slows down only themselves;
 *   the editor, from their own address, is not affected.
 * - one account from everywhere: locked for 15 minutes after 50 failures within 15 minutes. One
 *   address cannot get there (its own waits allow about seven tries in 15 minutes, and the address
 *   limit 20); many addresses together still can.
 * - one address across accounts: locked for 15 minutes after 20 failures within 15 minutes (an
 *   office behind one NAT shares an address).
 * Unknown emails are counted exactly like real ones, so no lock tells whether an account exists.
 */
export const throttleRules = {
	pair: {
		windowMs: 24 * 60 * minute,
		freeFailures: 3,
		firstWaitMs: minute,
		maxWaitMs: 60 * minute
	},
	account: { limit: 50, windowMs: 15 * minute, lockMs: 15 * minute },
	address: { limit: 20, windowMs: 15 * minute, lockMs: 15 * minute }
};

export type ThrottleKind = keyof typeof throttleRules;

/** How long a key is locked after the `count`-th failure of its window (0: not at all). */
export function lockMsAfter(kind: ThrottleKind, count: number): number {
	if (kind === 'pair') {
		const rule = throttleRules.pair;
		const over = count - rule.freeFailures;
		if (over <= 0) return 0;
		return Math.min(rule.firstWaitMs * 2 ** Math.min(over - 1, 30), rule.maxWaitMs);
	}
	const rule = throttleRules[kind];
	return count >= rule.limit ? rule.lockMs : 0;
}

/** The three counters of a login attempt, each with the account it counts against. */
export function loginCounters(email: string, address: string) {
	return [
		{ kind: 'pair', key: `pair:${JSON.stringify([email, address])}`, account: email },
		{ kind: 'account', key: `account:${email}`, account: email },
		{ kind: 'address', key: `address:${address}`, account: null }
	] as const satisfies readonly { kind: ThrottleKind; key: string; account: string | null }[];
}

/** A lock a failure has just started. */
export interface NewLock {
	kind: ThrottleKind;
	until: Date;
}

/** The locks in force on one account: account-wide, or waits of some addresses on it. */
export interface AccountLock {
	until: Date;
	accountWide: boolean;
	/** Addresses whose failures on this account make them wait. */
	addresses: string[];
}

/** All queries on login attempts. */
export function throttleRepository(db: Db) {
	/** Counts one failure against a counter; answers the lock it started, if it started one. */
	async function count(
		counter: ReturnType<typeof loginCounters>[number],
		now: Date
	): Promise<NewLock | undefined> {
		const { windowMs } = throttleRules[counter.kind];
		return db.transaction().execute(async (trx) => {
			// Two app servers may count a failure for one key at the same moment: create the row
			// race-free (ON CONFLICT works on both dialects), then lock it before reading, so
			// neither increment is lost (SQLite's single writer needs no lock).
			await trx
				.insertInto('login_attempts')
				.values({
					key: counter.key,
					count: 0,
					window_start: now.toISOString(),
					locked_until: null,
					account: counter.account
				})
				.onConflict((oc) => oc.column('key').doNothing())
				.execute();
			const row = await trx
				.selectFrom('login_attempts')
				.selectAll()
				.where('key', '=', counter.key)
				.$if(dialectOf(trx) === 'postgres', (q) => q.forUpdate())
				.executeTakeFirstOrThrow();
			const fresh = now.getTime() - Date.parse(row.window_start) >= windowMs;
			const failures = fresh ? 1 : row.count + 1;
			const lockMs = lockMsAfter(counter.kind, failures);
			const until = lockMs ? new Date(now.getTime() + lockMs) : undefined;
			await trx
				.updateTable('login_attempts')
				.set({
					count: failures,
					window_start: fresh ? now.toISOString() : row.window_start,
					locked_until: until?.toISOString() ?? row.locked_until
				})
				.where('key', '=', counter.key)
				.execute();
			const wasLocked = !!row.locked_until && Date.parse(row.locked_until) > now.getTime();
			return until && !wasLocked ? { kind: counter.kind, until } : undefined;
		});
	}

	return {
		/** When the latest lock among `keys` ends, or undefined if none is locked at `now`. */
		async lockedUntil(keys: string[], now = new Date()): Promise<Date | undefined> {
			const rows = await db
				.selectFrom('login_attempts')
				.select('locked_until')
				.where('key', 'in', keys)
				.where('locked_until', '>', now.toISOString())
				.execute();
			const ends = rows.map((r) => Date.parse(r.locked_until ?? ''));
			return ends.length ? new Date(Math.max(...ends)) : undefined;
		},

		/** Counts a failed login of `email` from `address`; answers the locks it started. */
		async failedLogin(email: string, address: string, now = new Date()): Promise<NewLock[]> {
			const locks: NewLock[] = [];
			for (const counter of loginCounters(email, address)) {
				const lock = await count(counter, now);
				if (lock) locks.push(lock);
			}
			return locks;
		},

		/** A successful login forgets the failures of its address on its account, and the account's. */
		async loggedIn(email: string, address: string): Promise<void> {
			const [pair, account] = loginCounters(email, address);
			await db.deleteFrom('login_attempts').where('key', 'in', [pair.key, account.key]).execute();
		},

		/**
		 * Lifts every lock on an account (account-wide, and the waits of every address on it) and
		 * forgets its failures; answers when the latest lock lifted would have ended. Locks of an
		 * address across accounts stay: they are about the address, not this account.
		 */
		async unlockAccount(email: string, now = new Date()): Promise<Date | undefined> {
			const lock = (await this.accountLocks([email], now)).get(email);
			await db.deleteFrom('login_attempts').where('account', '=', email).execute();
			return lock?.until;
		},

		/** The locks in force on each of `emails` at `now` (accounts without locks are absent). */
		async accountLocks(emails: string[], now = new Date()): Promise<Map<string, AccountLock>> {
			const locks = new Map<string, AccountLock>();
			if (!emails.length) return locks;
			const rows = await db
				.selectFrom('login_attempts')
				.select(['key', 'account', 'locked_until'])
				.where('account', 'in', emails)
				.where('locked_until', '>', now.toISOString())
				.execute();
			for (const row of rows) {
				if (!row.account || !row.locked_until) continue;
				const lock = locks.get(row.account) ?? { until: now, accountWide: false, addresses: [] };
				const until = new Date(row.locked_until);
				if (until > lock.until) lock.until = until;
				if (row.key.startsWith('account:')) lock.accountWide = true;
				else lock.addresses.push((JSON.parse(row.key.slice('pair:'.length)) as string[])[1]);
				locks.set(row.account, lock);
			}
			return locks;
		}
	};
}
