import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRepository } from '$lib/server/audit/log';
import { logIn } from '$lib/server/auth/login';
import { throttleRepository } from '$lib/server/auth/throttle';
import { usersRepository } from '$lib/server/auth/users';
import { openStore, type Store } from '$lib/server/store';
import { freshPostgresSchema, postgresNotRun, postgresUrl } from '../helpers/store';

const root = new URL('../..', import.meta.url).pathname;

/** A database the account command can reach by DATABASE_URL: a SQLite file, or a PostgreSQL schema. */
const databases = {
	sqlite: async () => {
		const dir = mkdtempSync(join(tmpdir(), 'taibai-admin-'));
		return {
			url: `file:${join(dir, 'admin.sqlite')}`,
			drop: async () => rmSync(dir, { recursive: true, force: true })
		};
	},
	postgres: freshPostgresSchema
};

for (const [dialect, fresh] of Object.entries(databases)) {
	const skip = dialect === 'postgres' && !postgresUrl;
	const name = skip
		? postgresNotRun
		: `npm run admin on ${dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`;
	describe.skipIf(skip)(name, () => {
		let store: Store;
		let url: string;
		let drop: () => Promise<void>;
		beforeEach(async () => {
			({ url, drop } = await fresh());
			store = await openStore(url, { poolSize: 2 });
		});
		afterEach(async () => {
			await store.close();
			await drop();
		});

		/** The README's command, exactly as an operator types it. */
		const npmRunAdmin = (args: string[], input = '') =>
			spawnSync('npm', ['run', 'admin', '--', ...args], {
				cwd: root,
				input,
				encoding: 'utf8',
				env: { ...process.env, DATABASE_URL: url }
			});

		// The README's example account, so its commands run here exactly as written.
		const email = 'wang@example.cn';
		/** Fifty failures from thirteen addresses: the account is locked from everywhere. */
		async function lockOut() {
			for (let i = 0; i < 50; i++) {
				await throttleRepository(store.db).failedLogin(email, `10.2.${Math.floor(i / 4)}.1`);
			}
			expect(await logIn(store.db, { email, password: 'x', address: '192.0.2.7' })).toMatchObject({
				reason: 'throttled'
			});
		}
		const canLogIn = async (password: string) =>
			(await logIn(store.db, { email, password, address: '192.0.2.7' })).ok;

		it('unlock lifts every login lock of an account and records it; password and enable lift them too', async () => {
			const user = await usersRepository(store.db).create({
				email,
				name: '王编辑',
				role: 'editor',
				password: 'the first password'
			});
			await lockOut();
			const unlocked = npmRunAdmin(['unlock', '--email', 'wang@example.cn']);
			expect(unlocked.status).toBe(0);
			expect(unlocked.stdout).toMatch(
				/\nLifted the login locks of wang@example\.cn \(locked until \d{4}-/
			);
			expect(await canLogIn('the first password')).toBe(true);
			const [entry] = await auditRepository(store.db).list({ action: 'user.unlock' });
			expect(entry).toMatchObject({ userId: null, entityType: 'users', entityId: user.id });
			expect(entry.changes[0]).toMatchObject({ path: 'lockedUntil' });
			expect(entry.changes[0].before).toEqual(expect.any(String));

			await lockOut();
			const changed = npmRunAdmin(['password', '--email', email], 'a second long password\n');
			expect(changed.status).toBe(0);
			expect(changed.stdout).toContain('their login locks are lifted');
			expect(await canLogIn('a second long password')).toBe(true);

			await lockOut();
			expect(npmRunAdmin(['disable', '--email', email]).status).toBe(0);
			expect(npmRunAdmin(['enable', '--email', email]).status).toBe(0);
			expect(await canLogIn('a second long password')).toBe(true);
			expect(await auditRepository(store.db).count({ action: 'user.unlock' })).toBe(3);
		}, 60_000);

		it('says so when an account had no lock, and refuses an unknown email', async () => {
			await usersRepository(store.db).create({
				email,
				name: '王编辑',
				role: 'editor',
				password: 'the first password'
			});
			expect(npmRunAdmin(['unlock', '--email', email]).stdout).toContain('had no login lock');
			const unknown = npmRunAdmin(['unlock', '--email', 'nobody@bureau.example']);
			expect(unknown.status).toBe(1);
			expect(unknown.stderr).toContain('no account with the email nobody@bureau.example');
		});
	});
}
