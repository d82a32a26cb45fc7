import { sql } from 'kysely';
import { buildFeed } from '../feed/build';
import { createStore } from '../store';
import { migrate, type Db } from './connect';
import { dialectOf } from './dialect';
import type { Database } from './types';

/** Every table, parents before children (sessions reference users). */
export const copiedTables = [
	'meta',
	'venues',
	'festivals',
	'tours',
	'events',
	'notices',
	'holiday_years',
	'users',
	'sessions',
	'login_attempts',
	'audit_log'
] as const satisfies readonly (keyof Database)[];

// Rows per INSERT: well below PostgreSQL's 65535 bind parameters for the widest table.
const batch = 200;

export class CopyRefused extends Error {}

async function rowCount(db: Db, table: keyof Database): Promise<number> {
	const row = await db
		.selectFrom(table)
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(row.n);
}

/** A freshly migrated database holds only the two zero counters in `meta`. */
async function assertEmpty(db: Db): Promise<void> {
	for (const table of copiedTables) {
		if (table === 'meta') continue;
		const n = await rowCount(db, table);
		if (n > 0) throw new CopyRefused(`the target is not empty: ${table} has ${n} rows`);
	}
	const counters = await db.selectFrom('meta').select(['key', 'value']).execute();
	if (counters.some((c) => c.value !== 0)) {
		throw new CopyRefused('the target is not empty: its revision is not 0');
	}
}

/**
 * Copies a whole database (every table: content with its revisions and tombstones, holidays,
 * accounts, sessions, throttling, the audit log) into an empty one, typically SQLite into
 * PostgreSQL. One transaction on the target: either everything arrives and the public feed built
 * from the target equals the source's, or nothing is written. Returns the rows copied per table.
 */
export async function copyDatabase(from: Db, to: Db): Promise<Record<string, number>> {
	await migrate(from);
	await migrate(to);
	return from
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (source) =>
			to.transaction().execute(async (target) => {
				await assertEmpty(target);
				const copied: Record<string, number> = {};
				for (const table of copiedTables) {
					// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows pass through unchanged
					const rows: any[] = await source.selectFrom(table).selectAll().execute();
					if (table === 'meta') await target.deleteFrom('meta').execute();
					for (let i = 0; i < rows.length; i += batch) {
						await target
							.insertInto(table)
							.values(rows.slice(i, i + batch))
							.execute();
					}
					copied[table] = rows.length;
				}
				// Explicit ids bypass PostgreSQL's sequence: move it past them for the next entry.
				if (dialectOf(target) === 'postgres') {
					await sql`select setval(pg_get_serial_sequence('audit_log', 'id'), coalesce(max(id), 0) + 1, false) from audit_log`.execute(
						target
					);
				}
				const [before, after] = [
					await buildFeed(createStore(source), null),
					await buildFeed(createStore(target), null)
				];
				if (JSON.stringify(before) !== JSON.stringify(after)) {
					throw new Error('the copied feed differs from the source feed; nothing was written');
				}
				for (const table of copiedTables) {
					const n = await rowCount(target, table);
					if (n !== copied[table]) {
						throw new Error(`${table}: ${copied[table]} rows read but ${n} in the target`);
					}
				}
				return copied;
			})
		);
}
