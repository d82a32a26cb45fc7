import type { Db } from '../db/connect';
import { greatest } from '../db/dialect';
import { contentTypes } from '$lib/content/schemas';

/**
 * Drops tombstones older than the retention period. A phone whose revision is below the newest
 * dropped tombstone could miss a deletion, so `min_delta_revision` is raised and such a phone gets
 * a full snapshot instead of a delta.
 */
export async function purgeTombstones(db: Db, olderThan: Date): Promise<number> {
	const cutoff = olderThan.toISOString();
	return db.transaction().execute(async (trx) => {
		let purged = 0;
		let newest = 0;
		for (const table of contentTypes) {
			const t = table as 'festivals';
			const row = await trx
				.selectFrom(t)
				.select((eb) => [eb.fn.max('revision').as('max'), eb.fn.countAll<number>().as('n')])
				.where('deleted_at', '<', cutoff)
				.executeTakeFirst();
			if (!row || Number(row.n) === 0) continue;
			purged += Number(row.n);
			newest = Math.max(newest, Number(row.max));
			await trx.deleteFrom(t).where('deleted_at', '<', cutoff).execute();
		}
		if (newest > 0) {
			await trx
				.updateTable('meta')
				.set((eb) => ({ value: greatest(trx, eb.ref('value'), eb.val(newest)) }))
				.where('key', '=', 'min_delta_revision')
				.execute();
		}
		return purged;
	});
}
