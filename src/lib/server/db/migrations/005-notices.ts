import { sql, type Kysely } from 'kysely';
import { textType } from '../dialect';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	const text = textType(db);
	// Bureau notices are content like the rest: same shape, so one repository, the feed, the audit
	// log and the editing pages serve them unchanged.
	await db.schema
		.createTable('notices')
		.addColumn('id', text, (c) => c.primaryKey())
		.addColumn('slug', text, (c) => c.notNull())
		.addColumn('status', text, (c) => c.notNull())
		.addColumn('data', text, (c) => c.notNull())
		.addColumn('revision', 'integer', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull())
		.addColumn('public', 'integer', (c) => c.notNull())
		.addColumn('ever_public', 'integer', (c) => c.notNull())
		.addColumn('deleted_at', text)
		.addColumn('created_at', text, (c) => c.notNull())
		.addColumn('updated_at', text, (c) => c.notNull())
		.addColumn('ends_at', text, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('notices_revision').on('notices').column('revision').execute();
	await db.schema
		.createIndex('notices_slug')
		.on('notices')
		.column('slug')
		.unique()
		.where(sql.ref('deleted_at'), 'is', null)
		.execute();
}
