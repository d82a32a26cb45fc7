import { describe } from 'vitest';
import { openStore, type Store } from '$lib/server/store';
import type { EventInput, VenueInput } from '$lib/content/schemas';
import { freshPostgresSchema, postgresNotRun, postgresUrl } from './postgres';

export {
	freshPostgresDatabase,
	freshPostgresSchema,
	postgresNotRun,
	postgresUrl,
	withSearchPath
} from './postgres';

/** A fresh, migrated, empty store in memory. */
export function testStore(): Promise<Store> {
	return openStore(':memory:');
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
