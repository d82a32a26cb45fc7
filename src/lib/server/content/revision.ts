import type { Db } from '../db/connect';

/**
 * Takes the next global revision inside the caller's transaction.
 *
 * Why a phone can never miss a change (the gap-safety argument, for both dialects):
 * - The revision is one counter row, bumped by `UPDATE … RETURNING` inside the write transaction.
 *   The UPDATE takes that row's write lock and keeps it until COMMIT or ROLLBACK.
 * - SQLite: one writer at a time per database (and Kysely runs one transaction per connection), so
 *   transactions that take revisions are serial by construction.
 * - PostgreSQL under READ COMMITTED (the default), with any number of app servers and pools: a
 *   second writer's UPDATE of the counter row blocks on the first writer's row lock. When the first
 *   commits, PostgreSQL re-reads the row's newest committed version for the waiting UPDATE, so the
 *   second writer gets N+1, never N. If the first rolls back, the second gets N: a rolled-back
 *   revision is never visible, so no number is skipped.
 * - Hence revisions commit in increasing order, and the counter shows N only after the transaction
 *   that took N, and every earlier one, has committed with its rows. A reader that sees counter N
 *   (in the feed, from one REPEATABLE READ snapshot, see feed/build.ts) sees every change ≤ N, and
 *   any change committed later carries a revision > N, so `?since=N` picks it up next time.
 * The price is that writes are serialised from this call to commit; editor saves are rare and short,
 * so that is cheap. tests/unit/revision-concurrency.test.ts proves it with two pools.
 */
export async function nextRevision(trx: Db): Promise<number> {
	const row = await trx
		.updateTable('meta')
		.set((eb) => ({ value: eb('value', '+', 1) }))
		.where('key', '=', 'revision')
		.returning('value')
		.executeTakeFirstOrThrow();
	return row.value;
}

export async function currentRevision(db: Db): Promise<number> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', 'revision')
		.executeTakeFirstOrThrow();
	return row.value;
}

/** The oldest `since` for which a delta is still complete (older tombstones were purged). */
export async function minDeltaRevision(db: Db): Promise<number> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', 'min_delta_revision')
		.executeTakeFirstOrThrow();
	return row.value;
}

/** The global revision and the oldest `since` a delta still answers completely. */
export interface FeedCounters {
	revision: number;
	floor: number;
}

/** Both counters in one query: the probe of content/revision-clock.ts. */
export async function feedCounters(db: Db): Promise<FeedCounters> {
	const rows = await db
		.selectFrom('meta')
		.select(['key', 'value'])
		.where('key', 'in', ['revision', 'min_delta_revision'])
		.execute();
	const value = (key: string) => rows.find((r) => r.key === key)?.value ?? 0;
	return { revision: value('revision'), floor: value('min_delta_revision') };
}
