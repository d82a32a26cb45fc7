import SQLite from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { Kysely, SqliteDialect } from 'kysely';
import type { Database } from '../db/types';
import { checkConsistency, type Consistency } from './consistency';
import { OperationError } from './errors';

/**
 * Checks a SQLite file without changing it: SQLite's own page-level integrity check, foreign keys,
 * then the app's invariants (see consistency.ts).
 */
export async function verifySqlite(path: string): Promise<Consistency> {
	if (!existsSync(path)) throw new OperationError(`no file at ${path}`);
	let sqlite: SQLite.Database;
	try {
		sqlite = new SQLite(path, { readonly: true, fileMustExist: true });
		sqlite.pragma('schema_version');
	} catch (error) {
		throw new OperationError(`${path} is not a SQLite database (${(error as Error).message})`);
	}
	try {
		const integrity = sqlite.pragma('integrity_check', { simple: true });
		if (integrity !== 'ok') throw new OperationError(`${path} is damaged: ${integrity}`);
		const orphans = sqlite.pragma('foreign_key_check') as unknown[];
		if (orphans.length) {
			throw new OperationError(`${path} has ${orphans.length} rows pointing at missing rows`);
		}
		const hasMeta = sqlite
			.prepare("select 1 from sqlite_master where type = 'table' and name = 'meta'")
			.get();
		if (!hasMeta) throw new OperationError(`${path} is not a Taibai Lake Guide database`);
		const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
		const result = await checkConsistency(db);
		if (result.problems.length) {
			throw new OperationError(`${path} is inconsistent: ${result.problems.join('; ')}`);
		}
		return result;
	} finally {
		sqlite.close();
	}
}

/**
 * Makes a copy one self-contained file. The backup API copies the live database's WAL mode into
 * the copy, and every later open of a WAL file (even read-only, as verifySqlite does) leaves
 * `-wal` and `-shm` files beside it. Rollback-journal mode has none; the server switches the file
 * back to WAL when it opens it.
 */
function asSingleFile(path: string): void {
	const copy = new SQLite(path, { fileMustExist: true });
	try {
		copy.pragma('journal_mode = DELETE');
	} finally {
		copy.close();
	}
}

/**
 * Writes a snapshot of a live database with SQLite's online backup API: it copies pages while the
 * server keeps serving and writing, and starts over by itself if a write lands mid-copy, so the
 * file is one committed state. It goes to `file.partial` first and becomes `file` only once verified.
 */
export async function backupSqlite(path: string, file: string): Promise<Consistency> {
	if (!existsSync(path)) throw new OperationError(`no database at ${path}`);
	const partial = `${file}.partial`;
	const source = new SQLite(path, { fileMustExist: true });
	try {
		source.pragma('busy_timeout = 5000');
		await source.backup(partial);
	} finally {
		source.close();
	}
	try {
		asSingleFile(partial);
		const result = await verifySqlite(partial);
		renameSync(partial, file);
		return result;
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	}
}

/**
 * Replaces the database at `path` with a verified snapshot. The servers must be stopped: a running
 * server would keep its open file and cached feed revisions. The copy is made beside the target,
 * verified, and moved over it in one rename; the old WAL files go first, so no stale log is
 * replayed over the restored pages.
 */
export async function restoreSqlite(path: string, file: string): Promise<Consistency> {
	await verifySqlite(file);
	const incoming = `${path}.restoring`;
	const snapshot = new SQLite(file, { readonly: true, fileMustExist: true });
	try {
		await snapshot.backup(incoming);
	} finally {
		snapshot.close();
	}
	try {
		asSingleFile(incoming);
		const result = await verifySqlite(incoming);
		for (const suffix of ['-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
		renameSync(incoming, path);
		return result;
	} catch (error) {
		rmSync(incoming, { force: true });
		throw error;
	}
}
