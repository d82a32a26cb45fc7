import type { Kysely } from 'kysely';
import { textType } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	const text = textType(db);
	// One row per year of the State Council's holiday schedule; the whole year travels to phones.
	await db.schema
		.createTable('holiday_years')
		.addColumn('year', 'integer', (c) => c.primaryKey())
		.addColumn('data', text, (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('updated_at', text, (c) => c.notNull())
		.execute();
}
