// The bench reads the app's database directly, as an operator would, to prove what a request
// changed: SQLite through better-sqlite3 (read-only, beside the running server: WAL allows it), or
// PostgreSQL through pg.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';

export type Row = Record<string, unknown>;

export interface BenchDb {
	all(sql: string, params?: unknown[]): Promise<Row[]>;
	/** A digest of every content table and the accounts: what no refused request may change. */
	checksum(): Promise<string>;
	close(): Promise<void>;
}

/** Tables whose rows a refused request must leave alone, each with its key. */
const guarded: [string, string][] = [
	['meta', 'key'],
	['venues', 'id'],
	['events', 'id'],
	['festivals', 'id'],
	['tours', 'id'],
	['notices', 'id'],
	['holiday_years', 'year'],
	['users', 'id']
];

async function digest(all: BenchDb['all']): Promise<string> {
	const hash = createHash('sha256');
	for (const [table, key] of guarded) {
		const rows = await all(`select * from ${table} order by ${key}`);
		hash.update(`${table}\n${JSON.stringify(rows)}\n`);
	}
	return hash.digest('hex');
}

export function sqliteDb(file: string): BenchDb {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	const all = async (sql: string, params: unknown[] = []) =>
		db.prepare(sql.replace(/\$\d+/g, '?')).all(...params) as Row[];
	return { all, checksum: () => digest(all), close: async () => db.close() };
}

export function postgresDb(url: string): BenchDb {
	const pool = new pg.Pool({ connectionString: url, max: 2 });
	const all = async (sql: string, params: unknown[] = []) =>
		(await pool.query(sql, params)).rows as Row[];
	return { all, checksum: () => digest(all), close: () => pool.end() };
}
