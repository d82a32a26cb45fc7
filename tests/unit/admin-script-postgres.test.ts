import { spawnSync } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { logIn } from '$lib/server/auth/login';
import { openStore, type Store } from '$lib/server/store';
import { freshPostgresSchema, postgresNotRun, postgresUrl } from '../helpers/store';

const root = new URL('../..', import.meta.url).pathname;

describe.skipIf(!postgresUrl)(postgresUrl ? 'npm run admin on PostgreSQL' : postgresNotRun, () => {
	let store: Store;
	let url: string;
	let drop: () => Promise<void>;
	beforeEach(async () => {
		({ url, drop } = await freshPostgresSchema());
		store = await openStore(url, { poolSize: 2 });
	});
	afterEach(async () => {
		await store.close();
		await drop();
	});

	const admin = (args: string[], input = '') =>
		spawnSync('node', ['scripts/admin.js', ...args], {
			cwd: root,
			input,
			encoding: 'utf8',
			env: { ...process.env, DATABASE_URL: url }
		});

	// Five runs of the command, each a Node process that connects and migrates: past the default
	// 20 s on a busy two-core machine.
	it(
		'creates an account the server can log in with, lists it, and disables it',
		{
			timeout: 60_000
		},
		async () => {
			const created = admin(
				[
					'create',
					'--email',
					'Wang@Bureau.example',
					'--name',
					'王编辑',
					'--role',
					'editor',
					'--password-stdin'
				],
				'a long enough password\n'
			);
			expect(created.stderr).toBe('');
			expect(created.stdout).toContain('Created editor wang@bureau.example');
			const result = await logIn(store.db, {
				email: 'wang@bureau.example',
				password: 'a long enough password',
				address: '192.0.2.7'
			});
			expect(result).toMatchObject({ ok: true });
			expect(admin(['list']).stdout).toContain('wang@bureau.example\teditor\tactive\t王编辑');
			expect(admin(['disable', '--email', 'wang@bureau.example']).status).toBe(0);
			expect(admin(['list']).stdout).toContain('wang@bureau.example\teditor\tdisabled');
			expect(
				admin(
					['create', '--email', 'wang@bureau.example', '--name', 'x', '--password-stdin'],
					'another long password\n'
				).stderr
			).toContain('already exists');
		}
	);
});
