import { sql } from 'kysely';
import type { Db } from './connect';

/** The cheapest round trip that proves the database answers (SQLite and PostgreSQL alike). */
export async function ping(db: Db): Promise<void> {
	await sql`select 1`.execute(db);
}
