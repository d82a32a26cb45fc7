import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, Migrator, SqliteDialect, type MigrationProvider } from 'kysely';
import { migrations } from './migrations';
import type { Database } from './types';

export type Db = Kysely<Database>;

/** The file a DATABASE_URL points at (`file:` prefix optional). */
export function sqlitePath(url: string): string {
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** Opens the embedded store: WAL so readers never wait for a writer, and foreign-key checks on. */
export function openDatabase(url: string): Db {
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies pending migrations in order; throws with the failing migration's name. */
export async function migrate(db: Db): Promise<void> {
	const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(
			`Migration ${failed} failed: ${error instanceof Error ? error.message : error}`
		);
	}
}
