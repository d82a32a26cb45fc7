import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase, sqlitePath } from '../db/connect';
// Backups differ by dialect; nothing else here does.
import { dialectOfUrl as dialectOf } from '../db/dialect';
import { checkConsistency } from './consistency';
import { OperationError } from './errors';
import { backupPg, restorePg, type PgTools } from './pg-backup';
import { backupSqlite, restoreSqlite, verifySqlite } from './sqlite-backup';

export interface BackupOptions {
	url: string;
	file: string;
	force?: boolean;
	tools: PgTools;
}

/** `npm run backup`: a consistent snapshot of the running store into `file`. */
export async function backup({ url, file, force, tools }: BackupOptions): Promise<string> {
	if (existsSync(file) && !force) {
		throw new OperationError(`${file} already exists; pass --force to replace it`);
	}
	if (dialectOf(url) === 'postgres') {
		await backupPg(tools, url, file);
		return `PostgreSQL dump written to ${file}`;
	}
	const path = sqlitePath(url);
	if (path === ':memory:') throw new OperationError('an in-memory database cannot be backed up');
	const { revision } = await backupSqlite(path, file);
	return `SQLite snapshot at revision ${revision} written to ${file}`;
}

/** Whether the target database already holds the app's tables (so a restore would overwrite). */
async function targetInUse(url: string): Promise<boolean> {
	if (dialectOf(url) === 'sqlite') return existsSync(sqlitePath(url));
	const db = openDatabase(url);
	try {
		const { rows } = await sql<{ n: number }>`
			select count(*)::int as n from information_schema.tables where table_name = 'meta'`.execute(db);
		return Number(rows[0]?.n ?? 0) > 0;
	} finally {
		await db.destroy();
	}
}

/**
 * `npm run restore`: replaces the store with a snapshot, after checking the snapshot, and checks
 * the result again through the app's own connection. Refuses to overwrite data without `force`.
 */
export async function restore({ url, file, force, tools }: BackupOptions): Promise<string> {
	if (!existsSync(file)) throw new OperationError(`no snapshot at ${file}`);
	if (!force && (await targetInUse(url))) {
		throw new OperationError(
			'the database already exists; stop the servers and pass --force to replace it'
		);
	}
	if (dialectOf(url) === 'postgres') await restorePg(tools, url, file);
	else await restoreSqlite(sqlitePath(url), file);

	const db = openDatabase(url);
	try {
		const { revision, problems } = await checkConsistency(db);
		if (problems.length) throw new OperationError(`restored, but: ${problems.join('; ')}`);
		return `Restored ${file} at revision ${revision}`;
	} finally {
		await db.destroy();
	}
}

/**
 * `npm run verify`: checks the configured store in place (after a crash, before a migration):
 * SQLite's integrity check and the invariants of consistency.ts, feed snapshot included.
 */
export async function verify(url: string): Promise<string> {
	if (dialectOf(url) === 'sqlite') {
		const { revision } = await verifySqlite(sqlitePath(url));
		return `Consistent at revision ${revision}`;
	}
	const db = openDatabase(url);
	try {
		const { revision, problems } = await checkConsistency(db);
		if (problems.length) throw new OperationError(`inconsistent: ${problems.join('; ')}`);
		return `Consistent at revision ${revision}`;
	} finally {
		await db.destroy();
	}
}
