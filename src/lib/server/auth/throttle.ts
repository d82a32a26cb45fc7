import type { Db } from '../db/connect';
import { dialectOf } from '../db/dialect';

export interface ThrottleRule {
	/** Failures allowed inside one window before the key is locked. */
	limit: number;
	windowMs: number;
	lockMs: number;
}

const fifteenMinutes = 15 * 60 * 1000;

/**
 * An account is locked after 5 failures in 15 minutes, an address after 20 (an office behind one
 * NAT shares an address). Unknown emails are counted exactly like real ones, so the lock itself
 * never tells whether an account exists.
 */
export const throttleRules = {
	account: { limit: 5, windowMs: fifteenMinutes, lockMs: fifteenMinutes },
	address: { limit: 20, windowMs: fifteenMinutes, lockMs: fifteenMinutes }
} satisfies Record<string, ThrottleRule>;

export type ThrottleKind = keyof typeof throttleRules;

export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value}`;

/** All queries on login attempts. */
export function throttleRepository(db: Db) {
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

		/** Counts one failure against a key, locking it when its rule's limit is reached. */
		async fail(kind: ThrottleKind, value: string, now = new Date()): Promise<void> {
			const rule: ThrottleRule = throttleRules[kind];
			const key = throttleKey(kind, value);
			await db.transaction().execute(async (trx) => {
				// Two app servers may count a failure for one key at the same moment: create the row
				// race-free (ON CONFLICT works on both dialects), then lock it before reading, so
				// neither increment is lost (SQLite's single writer needs no lock).
				await trx
					.insertInto('login_attempts')
					.values({ key, count: 0, window_start: now.toISOString(), locked_until: null })
					.onConflict((oc) => oc.column('key').doNothing())
					.execute();
				const row = await trx
					.selectFrom('login_attempts')
					.selectAll()
					.where('key', '=', key)
					.$if(dialectOf(trx) === 'postgres', (q) => q.forUpdate())
					.executeTakeFirstOrThrow();
				const fresh = now.getTime() - Date.parse(row.window_start) >= rule.windowMs;
				const count = fresh ? 1 : row.count + 1;
				await trx
					.updateTable('login_attempts')
					.set({
						count,
						window_start: fresh ? now.toISOString() : row.window_start,
						locked_until:
							count >= rule.limit
								? new Date(now.getTime() + rule.lockMs).toISOString()
								: row.locked_until
					})
					.where('key', '=', key)
					.execute();
			});
		},

		async clear(kind: ThrottleKind, value: string): Promise<void> {
			await db.deleteFrom('login_attempts').where('key', '=', throttleKey(kind, value)).execute();
		}
	};
}
