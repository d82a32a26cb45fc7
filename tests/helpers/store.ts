import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openStore, type Store } from '$lib/server/store';
import type { EventInput, VenueInput } from '$lib/content/schemas';

/** A fresh, migrated, empty store in memory. */
export function testStore(): Promise<Store> {
	return openStore(':memory:');
}

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

/** A fresh, migrated, empty store in its own PostgreSQL schema; closing it drops the schema. */
export async function testPostgresStore(): Promise<Store> {
	const { url, drop } = await freshPostgresSchema();
	const store = await openStore(url, { poolSize: 4 });
	return {
		...store,
		close: async () => {
			await store.db.destroy();
			await drop();
		}
	};
}

export type DialectName = 'sqlite' | 'postgres';

/**
 * Declares a suite once per database: on SQLite always, on PostgreSQL when TEST_DATABASE_URL_PG is
 * set. Without it the PostgreSQL copy is reported under a name that says it was not run, and the
 * global setup prints why (and fails instead when CI requires PostgreSQL).
 */
export function describeEachDialect(
	body: (open: () => Promise<Store>, dialect: DialectName) => void
): void {
	describe('on SQLite', () => body(testStore, 'sqlite'));
	describe.skipIf(!postgresUrl)(postgresUrl ? 'on PostgreSQL' : postgresNotRun, () =>
		body(testPostgresStore, 'postgres')
	);
}

let counter = 0;

export function venueInputFixture(overrides: Partial<VenueInput> = {}): VenueInput {
	counter++;
	return {
		id: `ven_fixture${counter}`,
		slug: `test-venue-${counter}`,
		status: 'published',
		kind: 'museum',
		name: { zh: `测试场馆${counter}`, en: `Test venue ${counter}` },
		summary: { zh: '简介' },
		description: { zh: '介绍' },
		position: { lat: 35.35, lon: 116.6 },
		address: { zh: '太白湖新区' },
		openingHours: 'Tu-Su 09:00-17:00',
		...overrides
	};
}

export function eventInputFixture(overrides: Partial<EventInput> = {}): EventInput {
	counter++;
	return {
		id: `evt_fixture${counter}`,
		slug: `test-event-${counter}`,
		status: 'published',
		title: { zh: `测试活动${counter}` },
		summary: { zh: '简介' },
		description: { zh: '介绍' },
		position: { lat: 35.35, lon: 116.6 },
		start: '2026-12-05T19:30',
		end: '2026-12-05T21:00',
		category: 'performance',
		price: { free: true },
		...overrides
	};
}

/**
 * Two "app servers" on one database. PostgreSQL: two stores with separate connection pools on one
 * fresh schema. SQLite is one writer process by design, so both servers share its store.
 */
export async function twoServers(
	open: () => Promise<Store>,
	dialect: DialectName
): Promise<{ a: Store; b: Store; close: () => Promise<void> }> {
	if (dialect === 'sqlite') {
		const store = await open();
		return { a: store, b: store, close: () => store.close() };
	}
	const schema = await freshPostgresSchema();
	const a = await openStore(schema.url, { poolSize: 6 });
	const b = await openStore(schema.url, { poolSize: 6 });
	return {
		a,
		b,
		close: async () => {
			await a.close();
			await b.close();
			await schema.drop();
		}
	};
}
