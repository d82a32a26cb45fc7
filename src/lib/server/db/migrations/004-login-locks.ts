import type { Kysely } from 'kysely';
import { textType } from '../dialect';

/**
 * Login locks by account and address: a throttle row now names the account it counts against
 * (the failures of one address on one account, or of the whole account), so an admin can see an
 * account's locks and lift them all at once. Rows of one address across accounts have none.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations are frozen in time, not typed against today's schema
export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('login_attempts').addColumn('account', textType(db)).execute();
	await db.schema
		.createIndex('login_attempts_account')
		.on('login_attempts')
		.column('account')
		.execute();
}
