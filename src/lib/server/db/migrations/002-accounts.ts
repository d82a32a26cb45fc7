import { sql, type Kysely } from 'kysely';
import { autoIncrementKey, textType } from '../dialect';

/**
 * The editor console: accounts, server-side sessions, login throttling and the audit log.
 * Sessions are stored by the SHA-256 of their token, so a leaked database cannot be replayed as
 * cookies. The audit log keeps user ids, not foreign keys, so history outlives a removed account.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	const text = textType(db);
	const key = autoIncrementKey(db);
	await db.schema
		.createTable('users')
		.addColumn('id', text, (c) => c.primaryKey())
		.addColumn('email', text, (c) => c.notNull().unique())
		.addColumn('name', text, (c) => c.notNull())
		.addColumn('role', text, (c) => c.notNull().check(sql`role in ('admin', 'editor')`))
		.addColumn('password_hash', text, (c) => c.notNull())
		.addColumn('created_at', text, (c) => c.notNull())
		.addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
		.execute();

	await db.schema
		.createTable('sessions')
		.addColumn('token_hash', text, (c) => c.primaryKey())
		.addColumn('user_id', text, (c) => c.notNull().references('users.id').onDelete('cascade'))
		.addColumn('created_at', text, (c) => c.notNull())
		.addColumn('last_seen_at', text, (c) => c.notNull())
		.addColumn('expires_at', text, (c) => c.notNull())
		.execute();
	await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

	// One row per throttled key: `account:<email>` or `address:<ip>`.
	await db.schema
		.createTable('login_attempts')
		.addColumn('key', text, (c) => c.primaryKey())
		.addColumn('count', 'integer', (c) => c.notNull())
		.addColumn('window_start', text, (c) => c.notNull())
		.addColumn('locked_until', text)
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', key.type, key.build)
		.addColumn('at', text, (c) => c.notNull())
		.addColumn('user_id', text)
		.addColumn('action', text, (c) => c.notNull())
		.addColumn('entity_type', text, (c) => c.notNull())
		.addColumn('entity_id', text, (c) => c.notNull())
		// The record's version after the change: "what changed since version N" for conflicts.
		.addColumn('version', 'integer')
		.addColumn('diff', text, (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('audit_entity')
		.on('audit_log')
		.columns(['entity_type', 'entity_id', 'id'])
		.execute();
	await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();
}
