import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
	Kysely,
	Migrator,
	PostgresDialect,
	SqliteDialect,
	type Dialect,
	type MigrationProvider
} from 'kysely';
import pg from 'pg';
import { countingCommits, type CommitCounter } from './commits';
import { dialectOfUrl } from './dialect';
import { migrations } from './migrations';
import type { Database } from './types';

export type Db = Kysely<Database>;

/** The file a DATABASE_URL points at (`file:` prefix optional). */
export function sqlitePath(url: string): string {
	return url.startsWith('file:') ? url.slice('file:'.length) : url;
}

/** Opens the embedded store: WAL so readers never wait for a writer, and foreign-key checks on. */
function openSqlite(url: string): Db {
	const path = sqlitePath(url);
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	sqlite.pragma('busy_timeout = 5000');
	return counted(new SqliteDialect({ database: sqlite }));
}

// COUNT(*) is a bigint, which node-postgres hands over as a string to be safe with huge values. Our
// counts are small, and SQLite returns numbers: parse them here so repositories see one type.
const int8 = 20;
const types = {
	getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
		oid === int8
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
};

/** The shared store of several app servers: a connection pool to PostgreSQL. */
function openPostgres(url: string, poolSize: number): Db {
	const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
	return counted(new PostgresDialect({ pool }));
}

const commitCounters = new WeakMap<Db, CommitCounter>();

function counted(dialect: Dialect): Db {
	const counter: CommitCounter = { count: 0 };
	const db = new Kysely<Database>({ dialect: countingCommits(dialect, counter) });
	commitCounters.set(db, counter);
	return db;
}

/** Transactions this process has committed through `db` (see db/commits.ts); 0 for a handle not opened here. */
export function commitCount(db: Db): number {
	return commitCounters.get(db)?.count ?? 0;
}

/** Opens SQLite (`file:PATH`, a path, `:memory:`) or PostgreSQL (`postgres://…`). */
export function openDatabase(url: string, options: { poolSize?: number } = {}): Db {
	return dialectOfUrl(url) === 'postgres'
		? openPostgres(url, options.poolSize ?? 10)
		: openSqlite(url);
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Applies pending migrations in order; throws with the failing migration's name. On PostgreSQL
 * Kysely takes an advisory lock first, so app servers starting together migrate once.
 */
export async function migrate(db: Db): Promise<void> {
	const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
	if (error) {
		const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
		throw new Error(
			`Migration ${failed} failed: ${error instanceof Error ? error.message : error}`
		);
	}
}
