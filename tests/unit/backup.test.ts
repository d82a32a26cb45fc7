import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRepository } from '$lib/server/audit/log';
import { usersRepository } from '$lib/server/auth/users';
import { currentRevision } from '$lib/server/content/revision';
import { contentEditor } from '$lib/server/editing/content';
import { buildFeed } from '$lib/server/feed/build';
import { dialectOfUrl as dialectOf } from '$lib/server/db/dialect';
import { backup, restore } from '$lib/server/ops/backup';
import { checkConsistency } from '$lib/server/ops/consistency';
import { libpqTarget } from '$lib/server/ops/pg-backup';
import { loadConfig } from '$lib/server/config';
import { openStore, type Store } from '$lib/server/store';
import {
	describeEachDialect,
	eventInputFixture,
	freshPostgresDatabase,
	venueInputFixture,
	type DialectName
} from '../helpers/store';

const { PG_DUMP, PG_RESTORE } = loadConfig(process.env);
const tools = { pgDump: PG_DUMP, pgRestore: PG_RESTORE };
let dir: string;
const open: Store[] = [];
const drops: (() => Promise<void>)[] = [];

/**
 * A new, empty database: a file in this test's folder on SQLite, a database of its own on
 * PostgreSQL (pg_dump and pg_restore work on whole databases, so a schema would not do).
 */
async function newDatabase(dialect: DialectName, name: string): Promise<string> {
	if (dialect === 'sqlite') return `file:${join(dir, `${name}.sqlite`)}`;
	const { url, drop } = await freshPostgresDatabase();
	drops.push(drop);
	return url;
}

async function storeAt(url: string) {
	const store = await openStore(url, { poolSize: 2 });
	open.push(store);
	return store;
}

async function closeStore(store: Store) {
	open.splice(open.indexOf(store), 1);
	await store.close();
}

/** A database with content, an account and audit entries, as a bureau's would be. */
async function populated(url: string) {
	const store = await storeAt(url);
	const admin = await usersRepository(store.db).create({
		email: 'wang@bureau.example',
		name: '王芳',
		role: 'admin',
		password: 'a long passphrase'
	});
	const editor = contentEditor(store, admin);
	const venue = await editor.create('venues', venueInputFixture());
	const event = await editor.create('events', eventInputFixture({ venueId: venue.id }));
	await editor.save('events', event.id, { ...event, title: { zh: '改名的活动' } }, event.version);
	await editor.remove('venues', (await editor.create('venues', venueInputFixture())).id, 1);
	return store;
}

async function contents(store: Store) {
	return {
		revision: await currentRevision(store.db),
		feed: await buildFeed(store, null),
		users: (await usersRepository(store.db).list()).map((u) => [u.email, u.role]),
		audit: (await auditRepository(store.db).list({})).map((e) => [e.action, e.entityId, e.version])
	};
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taibai-backup-'));
});
// Dropping PostgreSQL databases can take seconds on a loaded machine. The directory is taken
// before waiting: a hook that finishes late must never remove the next test's directory.
afterEach(async () => {
	const done = dir;
	await Promise.all(open.splice(0).map((s) => s.close()));
	await Promise.all(drops.splice(0).map((drop) => drop()));
	rmSync(done, { recursive: true, force: true });
}, 30_000);

describe('backup and restore', () => {
	describeEachDialect((_, dialect) => {
		it('round-trips content, accounts and the audit log through a snapshot', async () => {
			const url = await newDatabase(dialect, 'live');
			const live = await populated(url);
			const before = await contents(live);
			expect(before.audit.length).toBeGreaterThanOrEqual(4);
			const file = join(dir, 'snapshot');
			// Taken while the "server" holds the database open, as a nightly backup would be.
			await backup({ url, file, tools });
			// One self-contained file, with nothing left beside it.
			expect(readdirSync(dir).filter((name) => name.startsWith('snapshot'))).toEqual(['snapshot']);

			// Everything after the snapshot is lost on restore, by definition.
			await contentEditor(live, (await usersRepository(live.db).list())[0]).create(
				'venues',
				venueInputFixture()
			);
			await closeStore(live);

			const target = await newDatabase(dialect, 'restored');
			await expect(restore({ url: target, file, tools })).resolves.toMatch(/revision/);
			expect(readdirSync(dir).filter((name) => name.includes('restor'))).toEqual(
				dialect === 'sqlite' ? ['restored.sqlite'] : []
			);
			expect(await contents(await storeAt(target))).toEqual(before);
		});

		it('refuses to restore over an existing database without --force', async () => {
			const url = await newDatabase(dialect, 'live');
			const live = await populated(url);
			const before = await contents(live);
			await closeStore(live);
			const file = join(dir, 'snapshot');
			await backup({ url, file, tools });
			await expect(restore({ url, file, tools })).rejects.toThrow(/pass --force/);
			await expect(restore({ url, file, tools, force: true })).resolves.toMatch(/Restored/);
			expect(await contents(await storeAt(url))).toEqual(before);
		});

		it('refuses to overwrite an earlier backup without --force', async () => {
			const url = await newDatabase(dialect, 'live');
			await populated(url);
			const file = join(dir, 'snapshot');
			await backup({ url, file, tools });
			await expect(backup({ url, file, tools })).rejects.toThrow(/already exists/);
		});

		it('refuses a snapshot that is not a database and leaves the target untouched', async () => {
			const url = await newDatabase(dialect, 'live');
			const live = await populated(url);
			const before = await contents(live);
			const file = join(dir, 'garbage');
			writeFileSync(file, 'not a database at all, just some bytes '.repeat(200));
			await expect(restore({ url, file, tools, force: true })).rejects.toThrow(
				dialect === 'sqlite' ? /not a SQLite/ : /not appear to be a valid archive/
			);
			expect(await contents(live)).toEqual(before);
		});

		it('refuses to back up a database whose revision counter is behind its content', async () => {
			const url = await newDatabase(dialect, 'live');
			const live = await populated(url);
			await live.db.updateTable('meta').set({ value: 1 }).where('key', '=', 'revision').execute();
			expect((await checkConsistency(live.db)).problems[0]).toMatch(/counter 1 is behind/);
			const file = join(dir, 'bad');
			await expect(backup({ url, file, tools })).rejects.toThrow(/inconsistent/);
			expect(readdirSync(dir).filter((name) => name.startsWith('bad'))).toEqual([]);
		});
	});
});

describe('the backup commands', () => {
	let url: string;
	beforeEach(() => {
		url = `file:${join(dir, 'live.sqlite')}`;
	});

	it('keeps the password of a PostgreSQL address out of the command line', () => {
		expect(dialectOf('postgres://app:s%40cret@db.internal:5432/taibai')).toBe('postgres');
		expect(dialectOf('file:data/taibai.sqlite')).toBe('sqlite');
		const target = libpqTarget('postgres://app:s%40cret@db.internal:5432/taibai');
		expect(target.dbname).toBe('postgres://app@db.internal:5432/taibai');
		expect(target.env).toEqual({ PGPASSWORD: 's@cret' });
	});

	it('runs as npm run backup and restore, saying what it refused', async () => {
		await populated(url);
		const file = join(dir, 'cli.sqlite');
		const env = { ...process.env, DATABASE_URL: url };
		const made = spawnSync('node', ['scripts/ops.js', 'backup', file], { env, encoding: 'utf8' });
		expect(made.stderr).toBe('');
		expect(made.stdout).toMatch(/SQLite snapshot at revision \d+ written to/);
		const refused = spawnSync('node', ['scripts/ops.js', 'restore', file], {
			env,
			encoding: 'utf8'
		});
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/^restore: the database already exists; stop the servers/);
		// Two Node start-ups that each load the TypeScript modules: slow on a busy CI machine.
	}, 90_000);
});
