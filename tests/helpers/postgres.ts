/**
 * Schemas and databases of their own in the test PostgreSQL, shared by the test suites (through
 * ./store) and the reliability bench, which runs outside vitest.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * The PostgreSQL database the suites run against, if any (`.ci/run` starts one and sets it; see the
 * README). Tests never touch its public schema: each store gets a schema of its own.
 */
export const postgresUrl = process.env.TEST_DATABASE_URL_PG || undefined;

/** Why the PostgreSQL suites did not run, shown as their name in the test report. */
export const postgresNotRun =
	'on PostgreSQL — NOT RUN: TEST_DATABASE_URL_PG is not set (see README, "Tests on PostgreSQL")';

/** A URL whose connections use `schema` for every unqualified table name. */
export function withSearchPath(url: string, schema: string): string {
	const u = new URL(url);
	u.searchParams.set('options', `-c search_path=${schema}`);
	return u.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: postgresUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** A new empty schema in the test database, with a URL pointing into it and a way to drop it. */
export async function freshPostgresSchema(): Promise<{ url: string; drop: () => Promise<void> }> {
	if (!postgresUrl) throw new Error('TEST_DATABASE_URL_PG is not set');
	const schema = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
	await admin((c) => c.query(`create schema ${schema}`));
	return {
		url: withSearchPath(postgresUrl, schema),
		drop: () => admin((c) => c.query(`drop schema ${schema} cascade`)).then(() => undefined)
	};
}

/**
 * A new empty database beside the test database, for tests of whole-database tools (pg_dump and
 * pg_restore work on a database, not a schema: a dump of the shared test database would hold every
 * other test's schemas too). Needs a user allowed to create databases; `drop` ends its connections.
 */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
	if (!postgresUrl) throw new Error('TEST_DATABASE_URL_PG is not set');
	const name = `test_${process.pid}_${randomBytes(6).toString('hex')}`;
	await admin((c) => c.query(`create database ${name}`));
	const url = new URL(postgresUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => admin((c) => c.query(`drop database ${name} with (force)`)).then(() => undefined)
	};
}
