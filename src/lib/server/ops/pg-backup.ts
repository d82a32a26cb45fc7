import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { sql } from 'kysely';
import { openDatabase } from '../db/connect';
import { checkConsistency } from './consistency';
import { OperationError } from './errors';

export interface PgTools {
	pgDump: string;
	pgRestore: string;
}

/**
 * libpq's settings for a postgres:// URL, with the password in PGPASSWORD rather than on the
 * command line, where `ps` would show it to every user of the machine.
 */
export function libpqTarget(url: string): { dbname: string; env: Record<string, string> } {
	const parsed = new URL(url);
	const env: Record<string, string> = {};
	if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
	parsed.password = '';
	return { dbname: parsed.toString(), env };
}

/** Runs a PostgreSQL client tool; its stderr becomes the error message when it fails. */
function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.stderr.on('data', (chunk) => (err += chunk));
		child.once('error', (error) =>
			reject(new OperationError(`cannot run ${command}: ${error.message}`))
		);
		child.once('close', (code) =>
			code === 0
				? resolve(out)
				: reject(new OperationError(`${command} failed (exit ${code}): ${err.trim()}`))
		);
	});
}

/** A dump is usable when pg_restore can read its table of contents and it holds the app's tables. */
export async function verifyPgDump(tools: PgTools, file: string): Promise<void> {
	if (!existsSync(file)) throw new OperationError(`no file at ${file}`);
	const list = await run(tools.pgRestore, ['--list', file], {});
	if (!/TABLE DATA \S+ meta /.test(list)) {
		throw new OperationError(`${file} is not a dump of a Taibai Lake Guide database`);
	}
}

/**
 * pg_dump in its custom format, of exactly the state the app's invariants were checked on (as the
 * SQLite backup checks its copy): a read-only REPEATABLE READ transaction exports its snapshot,
 * checkConsistency reads through it, and pg_dump --snapshot dumps that same snapshot, while the
 * app servers keep writing. An inconsistent database is refused before anything is written.
 */
export async function backupPg(tools: PgTools, url: string, file: string): Promise<void> {
	const { dbname, env } = libpqTarget(url);
	const partial = `${file}.partial`;
	const db = openDatabase(url, { poolSize: 2 });
	try {
		await db
			.transaction()
			.setIsolationLevel('repeatable read')
			.setAccessMode('read only')
			.execute(async (trx) => {
				const { rows } = await sql<{ id: string }>`select pg_export_snapshot() as id`.execute(trx);
				const { problems } = await checkConsistency(trx);
				if (problems.length) {
					throw new OperationError(`the database is inconsistent: ${problems.join('; ')}`);
				}
				await run(
					tools.pgDump,
					[
						'--format=custom',
						'--no-owner',
						'--no-privileges',
						`--snapshot=${rows[0].id}`,
						`--file=${partial}`,
						`--dbname=${dbname}`
					],
					env
				);
			});
		await verifyPgDump(tools, partial);
		renameSync(partial, file);
	} catch (error) {
		rmSync(partial, { force: true });
		throw error;
	} finally {
		await db.destroy();
	}
}

/** Restores a dump in one transaction: either the whole snapshot replaces the tables, or nothing. */
export async function restorePg(tools: PgTools, url: string, file: string): Promise<void> {
	await verifyPgDump(tools, file);
	const { dbname, env } = libpqTarget(url);
	await run(
		tools.pgRestore,
		[
			'--clean',
			'--if-exists',
			'--no-owner',
			'--no-privileges',
			'--single-transaction',
			'--exit-on-error',
			`--dbname=${dbname}`,
			file
		],
		env
	);
}
