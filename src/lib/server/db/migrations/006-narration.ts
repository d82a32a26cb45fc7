import type { Kysely } from 'kysely';

/**
 * Narration and walk-up radii: records keep their fields as JSON, so no column changes. Every
 * stored tour stop gets the default radius and every venue and stop an empty narration written
 * out, so the first save after this release does not show "radius 40 m added" in the audit log
 * and history diffs compare like with like. Same JSON on SQLite and PostgreSQL; rows are read in
 * pages so a large catalogue never sits in memory at once. The revision is not bumped: phones
 * apply the same defaults when they read the feed.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	const page = 200;
	for (const table of ['tours', 'venues'] as const) {
		for (let after = ''; ;) {
			const rows: { id: string; data: string }[] = await db
				.selectFrom(table)
				.select(['id', 'data'])
				.where('id', '>', after)
				.orderBy('id')
				.limit(page)
				.execute();
			for (const row of rows) {
				const data = JSON.parse(row.data);
				if (table === 'venues') data.narration ??= [];
				else if (Array.isArray(data.stops)) {
					for (const stop of data.stops) {
						stop.radiusM ??= 40;
						stop.narration ??= [];
					}
				}
				await db
					.updateTable(table)
					.set({ data: JSON.stringify(data) })
					.where('id', '=', row.id)
					.execute();
			}
			if (rows.length < page) break;
			after = rows[rows.length - 1].id;
		}
	}
}
