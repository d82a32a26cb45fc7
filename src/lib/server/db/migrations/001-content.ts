import { sql, type Kysely } from 'kysely';
import { textType } from '../dialect';

const contentTables = ['venues', 'events', 'festivals', 'tours'] as const;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	const text = textType(db);
	await db.schema
		.createTable('meta')
		.addColumn('key', text, (c) => c.primaryKey())
		.addColumn('value', 'integer', (c) => c.notNull())
		.execute();
	await db
		.insertInto('meta')
		.values([
			{ key: 'revision', value: 0 },
			// Deltas are only complete from this revision on: older tombstones have been purged.
			{ key: 'min_delta_revision', value: 0 }
		])
		.execute();

	for (const table of contentTables) {
		let builder = db.schema
			.createTable(table)
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
			.addColumn('updated_at', text, (c) => c.notNull());
		if (table === 'events') {
			builder = builder
				.addColumn('festival_id', text)
				.addColumn('venue_id', text)
				.addColumn('starts_at', text, (c) => c.notNull());
		}
		if (table === 'venues') builder = builder.addColumn('kind', text, (c) => c.notNull());
		await builder.execute();
		await db.schema.createIndex(`${table}_revision`).on(table).column('revision').execute();
		// A deleted row keeps its slug as a tombstone; only live rows must have unique slugs.
		await db.schema
			.createIndex(`${table}_slug`)
			.on(table)
			.column('slug')
			.unique()
			.where(sql.ref('deleted_at'), 'is', null)
			.execute();
	}
	await db.schema.createIndex('events_festival').on('events').column('festival_id').execute();
	await db.schema.createIndex('events_starts_at').on('events').column('starts_at').execute();
}
