import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRepository } from '$lib/server/audit/log';
import { sessionsRepository } from '$lib/server/auth/sessions';
import { throttleRepository } from '$lib/server/auth/throttle';
import { usersRepository } from '$lib/server/auth/users';
import { copiedTables, copyDatabase, CopyRefused } from '$lib/server/db/copy';
import { buildFeed } from '$lib/server/feed/build';
import { seedIfEmpty } from '$lib/server/seed';
import { openStore, type Store } from '$lib/server/store';
import {
	freshPostgresSchema,
	postgresNotRun,
	postgresUrl,
	venueInputFixture
} from '../helpers/store';

const root = new URL('../..', import.meta.url).pathname;

let lastToken = '';

/** A SQLite database with something in every table: content, a tombstone, accounts, audit. */
async function filledSqlite(path: string): Promise<Store> {
	const store = await openStore(`file:${path}`);
	await seedIfEmpty(store, '2026-11-28');
	const doomed = await store.venues.create(venueInputFixture());
	await store.venues.remove(doomed.id, doomed.version);
	const user = await usersRepository(store.db).create({
		email: 'editor@example.cn',
		name: '编辑',
		role: 'editor',
		password: 'a long enough password'
	});
	lastToken = (await sessionsRepository(store.db).start(user.id)).token;
	await throttleRepository(store.db).failedLogin('editor@example.cn', '192.0.2.1');
	await auditRepository(store.db).record({
		userId: user.id,
		action: 'delete',
		entityType: 'venue',
		entityId: doomed.id,
		changes: []
	});
	return store;
}

async function counts(store: Store): Promise<Record<string, number>> {
	const result: Record<string, number> = {};
	for (const table of copiedTables) {
		const row = await store.db
			.selectFrom(table)
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.executeTakeFirstOrThrow();
		result[table] = Number(row.n);
	}
	return result;
}

describe.skipIf(!postgresUrl)(
	postgresUrl ? 'moving a SQLite database to PostgreSQL' : postgresNotRun,
	() => {
		let dir: string;
		let target: Awaited<ReturnType<typeof freshPostgresSchema>>;
		beforeEach(async () => {
			dir = mkdtempSync(join(tmpdir(), 'taibai-migrate-'));
			target = await freshPostgresSchema();
		});
		afterEach(async () => {
			await target.drop();
			rmSync(dir, { recursive: true, force: true });
		});

		it('copies every table and serves the same feed, and the audit log numbers on after the copied ids', async () => {
			const source = await filledSqlite(join(dir, 'source.sqlite'));
			const pg = await openStore(target.url, { poolSize: 2 });
			try {
				const copied = await copyDatabase(source.db, pg.db);
				expect(copied).toEqual(await counts(source));
				expect(await counts(pg)).toEqual(await counts(source));
				expect(copied.venues).toBeGreaterThan(1);
				expect(JSON.stringify(await buildFeed(pg, null))).toBe(
					JSON.stringify(await buildFeed(source, null))
				);
				// A phone that synced against SQLite continues with a delta, tombstone included.
				const delta = await buildFeed(pg, 1);
				expect(delta.full).toBe(false);
				expect(delta.deleted.venues).toHaveLength(1);
				// The copied session still signs its editor in.
				expect(await sessionsRepository(pg.db).resolve(lastToken)).toMatchObject({
					email: 'editor@example.cn'
				});
				const audit = auditRepository(pg.db);
				await audit.record({
					userId: null,
					action: 'create',
					entityType: 'venue',
					entityId: 'x',
					changes: []
				});
				const ids = (await audit.list()).map((e) => e.id);
				expect(ids[0]).toBe(Math.max(...ids.slice(1)) + 1);
			} finally {
				await source.close();
				await pg.close();
			}
		});

		it('refuses a target that already holds data, and writes nothing', async () => {
			const source = await filledSqlite(join(dir, 'source.sqlite'));
			const pg = await openStore(target.url, { poolSize: 2 });
			try {
				await pg.venues.create(venueInputFixture());
				const before = await counts(pg);
				await expect(copyDatabase(source.db, pg.db)).rejects.toThrow(CopyRefused);
				await expect(copyDatabase(source.db, pg.db)).rejects.toThrow(/venues has 1 rows/);
				expect(await counts(pg)).toEqual(before);
			} finally {
				await source.close();
				await pg.close();
			}
		});

		it('runs as npm run migrate-to-pg, reporting the rows it copied', async () => {
			const path = join(dir, 'cli.sqlite');
			const source = await filledSqlite(path);
			const expected = await counts(source);
			await source.close();
			const run = () =>
				spawnSync(
					'node',
					['scripts/migrate-to-pg.js', '--from', `file:${path}`, '--to', target.url],
					{
						cwd: root,
						encoding: 'utf8',
						timeout: 60_000
					}
				);
			const first = run();
			expect(first.stderr).toBe('');
			expect(first.status).toBe(0);
			expect(first.stdout).toContain(`events: ${expected.events} rows`);
			expect(first.stdout).toContain('both databases serve the same feed');
			const second = run();
			expect(second.status).toBe(1);
			expect(second.stderr).toContain('the target is not empty');
		}, 90_000);
	}
);
