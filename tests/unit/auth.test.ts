import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoEmail } from '$lib/server/auth/accounts.js';
import { accessFor, allows, consoleRoutes } from '$lib/server/auth/access';
import { consoleRouteIds } from '../helpers/route-tree';
import { applyDemoAccountPolicy, demoPassword } from '$lib/server/auth/demo';
import { logIn } from '$lib/server/auth/login';
import { hashPassword, verifyPassword } from '$lib/server/auth/password.js';
import {
	absoluteTimeoutMs,
	hashToken,
	idleTimeoutMs,
	sessionsRepository
} from '$lib/server/auth/sessions';
import { usersRepository } from '$lib/server/auth/users';
import type { Store } from '$lib/server/store';
import { describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	beforeEach(async () => {
		store = await open();
	});
	afterEach(async () => {
		await store.close();
	});

	const minutes = (n: number) => n * 60_000;
	const address = '203.0.113.7';

	async function editor(email = 'editor@bureau.example', password = 'correct horse battery') {
		return usersRepository(store.db).create({ email, name: '编辑', role: 'editor', password });
	}

	describe('password hashing', () => {
		it('stores scrypt with its parameters and a per-user salt, and verifies only the right password', async () => {
			const a = await hashPassword('湖边的灯笼 lantern');
			const b = await hashPassword('湖边的灯笼 lantern');
			expect(a).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
			expect(a).not.toBe(b);
			expect(await verifyPassword('湖边的灯笼 lantern', a)).toBe(true);
			expect(await verifyPassword('湖边的灯笼 Lantern', a)).toBe(false);
			expect(await verifyPassword('anything', '!')).toBe(false);
		});
	});

	describe('logging in', () => {
		it('starts a session whose token is stored only as its hash', async () => {
			const user = await editor();
			const outcome = await logIn(store.db, {
				email: ' Editor@Bureau.example ',
				password: 'correct horse battery',
				address
			});
			expect(outcome.ok).toBe(true);
			if (!outcome.ok) return;
			expect(outcome.user.id).toBe(user.id);
			expect(Buffer.from(outcome.token, 'base64url')).toHaveLength(32);
			const rows = await store.db.selectFrom('sessions').selectAll().execute();
			expect(rows.map((r) => r.token_hash)).toEqual([hashToken(outcome.token)]);
			expect(JSON.stringify(rows)).not.toContain(outcome.token);
		});

		it('answers an unknown email exactly like a wrong password', async () => {
			await editor();
			const wrong = await logIn(store.db, {
				email: 'editor@bureau.example',
				password: 'nope',
				address
			});
			const unknown = await logIn(store.db, {
				email: 'nobody@bureau.example',
				password: 'nope',
				address
			});
			expect(wrong).toEqual({ ok: false, reason: 'invalid' });
			expect(unknown).toEqual({ ok: false, reason: 'invalid' });
		});

		it('refuses a disabled account with the same answer', async () => {
			const user = await editor();
			await usersRepository(store.db).setDisabled(user.id, true);
			expect(
				await logIn(store.db, {
					email: 'editor@bureau.example',
					password: 'correct horse battery',
					address
				})
			).toEqual({ ok: false, reason: 'invalid' });
		});

		it('locks an account after five failures, even for the right password, until the lock ends', async () => {
			await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 4; i++) {
				const outcome = await logIn(
					store.db,
					{ email: 'editor@bureau.example', password: 'x', address: `10.0.0.${i}` },
					now
				);
				expect(outcome.ok).toBe(false);
			}
			const fifth = await logIn(
				store.db,
				{ email: 'editor@bureau.example', password: 'x', address: '10.0.0.9' },
				now
			);
			expect(fifth).toMatchObject({ ok: false, reason: 'throttled' });
			const right = await logIn(
				store.db,
				{ email: 'editor@bureau.example', password: 'correct horse battery', address: '10.0.1.1' },
				new Date(now.getTime() + minutes(5))
			);
			expect(right).toMatchObject({ ok: false, reason: 'throttled' });
			const later = await logIn(
				store.db,
				{ email: 'editor@bureau.example', password: 'correct horse battery', address: '10.0.1.1' },
				new Date(now.getTime() + minutes(16))
			);
			expect(later.ok).toBe(true);
		});

		it('locks unknown emails the same way, so the lock tells nothing', async () => {
			const now = new Date('2026-05-01T08:00:00Z');
			let last;
			for (let i = 0; i < 5; i++) {
				last = await logIn(
					store.db,
					{ email: 'ghost@bureau.example', password: 'x', address: `10.0.0.${i}` },
					now
				);
			}
			expect(last).toMatchObject({ ok: false, reason: 'throttled' });
		});

		it('locks an address after twenty failures across accounts', async () => {
			await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 20; i++) {
				await logIn(store.db, { email: `guess${i}@bureau.example`, password: 'x', address }, now);
			}
			const right = await logIn(
				store.db,
				{ email: 'editor@bureau.example', password: 'correct horse battery', address },
				now
			);
			expect(right).toMatchObject({ ok: false, reason: 'throttled' });
			const elsewhere = await logIn(
				store.db,
				{
					email: 'editor@bureau.example',
					password: 'correct horse battery',
					address: '198.51.100.1'
				},
				now
			);
			expect(elsewhere.ok).toBe(true);
		});

		it('forgets old failures once their window has passed', async () => {
			await editor();
			const start = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 4; i++) {
				await logIn(store.db, { email: 'editor@bureau.example', password: 'x', address }, start);
			}
			const later = new Date(start.getTime() + minutes(20));
			const outcome = await logIn(
				store.db,
				{ email: 'editor@bureau.example', password: 'x', address },
				later
			);
			expect(outcome).toEqual({ ok: false, reason: 'invalid' });
		});
	});

	describe('sessions', () => {
		it('end after two idle hours', async () => {
			const user = await editor();
			const sessions = sessionsRepository(store.db);
			const t0 = new Date('2026-05-01T08:00:00Z');
			const { token } = await sessions.start(user.id, t0);
			expect(await sessions.resolve(token, new Date(t0.getTime() + minutes(90)))).toMatchObject({
				id: user.id
			});
			// Active at 90 minutes, so still alive 100 minutes after that.
			expect(await sessions.resolve(token, new Date(t0.getTime() + minutes(190)))).toMatchObject({
				id: user.id
			});
			expect(
				await sessions.resolve(token, new Date(t0.getTime() + minutes(190) + idleTimeoutMs))
			).toBeUndefined();
		});

		it('end twelve hours after login however active the editor is', async () => {
			const user = await editor();
			const sessions = sessionsRepository(store.db);
			const t0 = new Date('2026-05-01T08:00:00Z');
			const { token } = await sessions.start(user.id, t0);
			for (let t = minutes(60); t < absoluteTimeoutMs; t += minutes(60)) {
				expect(await sessions.resolve(token, new Date(t0.getTime() + t))).toBeDefined();
			}
			expect(
				await sessions.resolve(token, new Date(t0.getTime() + absoluteTimeoutMs))
			).toBeUndefined();
		});

		it('end at logout, and all of them at a password change', async () => {
			const user = await editor();
			const sessions = sessionsRepository(store.db);
			const a = await sessions.start(user.id);
			const b = await sessions.start(user.id);
			await sessions.end(a.token);
			expect(await sessions.resolve(a.token)).toBeUndefined();
			expect(await sessions.resolve(b.token)).toBeDefined();
			await usersRepository(store.db).setPassword(user.id, 'a brand new passphrase');
			expect(await sessions.resolve(b.token)).toBeUndefined();
		});

		it('end when the account is disabled', async () => {
			const user = await editor();
			const sessions = sessionsRepository(store.db);
			const { token } = await sessions.start(user.id);
			await usersRepository(store.db).setDisabled(user.id, true);
			expect(await sessions.resolve(token)).toBeUndefined();
		});
	});

	describe('the demo account', () => {
		it('is created for the seeded demo outside production, as an admin with the documented password', async () => {
			expect(
				await applyDemoAccountPolicy(store.db, { NODE_ENV: 'development', SEED: 'auto' })
			).toBe('created');
			const outcome = await logIn(store.db, { email: demoEmail, password: demoPassword, address });
			expect(outcome).toMatchObject({ ok: true, user: { role: 'admin' } });
		});

		it('is not created when the database already has accounts or seeding is off', async () => {
			expect(
				await applyDemoAccountPolicy(store.db, { NODE_ENV: 'development', SEED: 'never' })
			).toBe('unchanged');
			await editor();
			expect(
				await applyDemoAccountPolicy(store.db, { NODE_ENV: 'development', SEED: 'auto' })
			).toBe('unchanged');
		});

		it('is removed at start-up in production, sessions and all', async () => {
			await applyDemoAccountPolicy(store.db, { NODE_ENV: 'test', SEED: 'auto' });
			const login = await logIn(store.db, { email: demoEmail, password: demoPassword, address });
			expect(login.ok).toBe(true);
			expect(await applyDemoAccountPolicy(store.db, { NODE_ENV: 'production', SEED: 'auto' })).toBe(
				'removed'
			);
			expect(await usersRepository(store.db).findForLogin(demoEmail)).toBeUndefined();
			if (login.ok) expect(await sessionsRepository(store.db).resolve(login.token)).toBeUndefined();
		});
	});

	describe('the access table', () => {
		it('opens the login page to anyone and every other console route to editors or admins', () => {
			expect(accessFor('/admin/login')).toBe('anyone');
			expect(accessFor('/admin')).toBe('editor');
			expect(accessFor('/admin/events/[id]')).toBe('editor');
			expect(accessFor('/admin/users')).toBe('admin');
			expect(accessFor('/admin/audit')).toBe('admin');
			expect(accessFor('/events')).toBeUndefined();
			expect(accessFor('/api/v1/content')).toBeUndefined();
			expect(accessFor(null)).toBeUndefined();
		});

		it('refuses a console route it does not name, to everyone', () => {
			expect(accessFor('/admin/secrets')).toBe('nobody');
			expect(accessFor('/admin/users/[id]')).toBe('nobody');
			expect(accessFor('/api/admin/anything')).toBe('nobody');
		});

		it('names every console route of the route tree, and nothing else', () => {
			const console = consoleRouteIds().sort();
			expect(console.length).toBeGreaterThan(20);
			expect(Object.keys(consoleRoutes).sort()).toEqual(console);
		});

		it('ranks admins above editors', () => {
			expect(allows('admin', 'editor')).toBe(true);
			expect(allows('editor', 'admin')).toBe(false);
		});
	});
});
