import type { Db } from '../db/connect';

/**
 * Takes the next global revision inside the caller's transaction. The row update locks the single
 * counter row until the transaction ends, so writers are serialised: a revision becomes visible
 * only together with the change that took it, and revisions commit in increasing order. A phone
 * that has seen revision N therefore never misses a change numbered ≤ N that commits later.
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

/** Both counters in one query: the feed asks on every request, so a round trip matters. */
export async function feedCounters(db: Db): Promise<{ revision: number; floor: number }> {
	const rows = await db
		.selectFrom('meta')
		.select(['key', 'value'])
		.where('key', 'in', ['revision', 'min_delta_revision'])
		.execute();
	const value = (key: string) => rows.find((r) => r.key === key)?.value ?? 0;
	return { revision: value('revision'), floor: value('min_delta_revision') };
}
