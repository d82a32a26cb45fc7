// A minimal SQL client for the operator scripts, over SQLite (better-sqlite3) or PostgreSQL (pg),
// chosen by DATABASE_URL like the server does. Queries use `?` placeholders on both.
import SQLite from 'better-sqlite3';
import { existsSync } from 'node:fs';
import pg from 'pg';

export const isPostgresUrl = (url) => /^postgres(ql)?:\/\//i.test(url);

/** `?` placeholders to PostgreSQL's `$1, $2, …` (the scripts' SQL has no `?` in literals). */
const numbered = (sql) => {
	let n = 0;
	return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * Opens the database the server would use. Fails with a message (via `fail`) when there is none.
 * Every method is async so callers do not care which database it is.
 */
export async function openSqlClient(url, fail) {
	if (isPostgresUrl(url)) {
		const client = new pg.Client({ connectionString: url });
		await client.connect().catch((error) => fail(`cannot reach PostgreSQL: ${error.message}`));
		const query = async (sql, params) => (await client.query(numbered(sql), params)).rows;
		return {
			get: async (sql, ...params) => (await query(sql, params))[0],
			all: (sql, ...params) => query(sql, params),
			run: async (sql, ...params) => void (await query(sql, params)),
			hasTable: async (name) => !!(await query('select to_regclass(?) as t', [name]))[0]?.t,
			async transaction(work) {
				await client.query('begin');
				try {
					await work();
					await client.query('commit');
				} catch (error) {
					await client.query('rollback');
					throw error;
				}
			},
			close: () => client.end()
		};
	}
	const path = url.startsWith('file:') ? url.slice('file:'.length) : url;
	if (path === ':memory:' || !existsSync(path)) {
		fail(
			`no database at ${path}. Start the server once (npm start) so it is created and migrated.`
		);
	}
	const db = new SQLite(path);
	db.pragma('busy_timeout = 5000');
	db.pragma('foreign_keys = ON');
	return {
		get: async (sql, ...params) => db.prepare(sql).get(...params),
		all: async (sql, ...params) => db.prepare(sql).all(...params),
		run: async (sql, ...params) => void db.prepare(sql).run(...params),
		hasTable: async (name) =>
			!!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name),
		async transaction(work) {
			db.exec('begin immediate');
			try {
				await work();
				db.exec('commit');
			} catch (error) {
				db.exec('rollback');
				throw error;
			}
		},
		close: async () => db.close()
	};
}
