import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditRepository } from '$lib/server/audit/log';
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
import {
	lockMsAfter,
	loginCounters,
	throttleRepository,
	throttleRules
} from '$lib/server/auth/throttle';
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

		const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
		const attempt = (password: string, from: string, now: Date, email = 'editor@bureau.example') =>
			logIn(store.db, { email, password, address: from }, now);

		it('makes one address wait after its fourth failure on an account, twice as long after each further one', async () => {
			await editor();
			const t0 = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 3; i++) {
				expect(await attempt('x', address, t0)).toEqual({ ok: false, reason: 'invalid' });
			}
			let now = t0;
			for (const waitMinutes of [1, 2, 4, 8]) {
				expect(await attempt('x', address, now)).toEqual({
					ok: false,
					reason: 'throttled',
					until: at(now, minutes(waitMinutes))
				});
				// Even the right password waits, from that address.
				expect(
					await attempt('correct horse battery', address, at(now, minutes(waitMinutes) - 1))
				).toMatchObject({ ok: false, reason: 'throttled' });
				now = at(now, minutes(waitMinutes));
			}
			expect(await attempt('correct horse battery', address, now)).toMatchObject({ ok: true });
		});

		it('never waits longer than an hour between tries', () => {
			const waits = Array.from({ length: 40 }, (_, i) => lockMsAfter('pair', i + 1));
			expect(waits.slice(0, 3)).toEqual([0, 0, 0]);
			expect(waits.slice(3, 6)).toEqual([minutes(1), minutes(2), minutes(4)]);
			expect(Math.max(...waits)).toBe(throttleRules.pair.maxWaitMs);
			expect(waits.every((w, i) => i === 0 || w >= waits[i - 1])).toBe(true);
		});

		it("does not keep the editor out, whatever a stranger's failures from another address", async () => {
			await editor();
			const t0 = new Date('2026-05-01T08:00:00Z');
			const mine = loginCounters('editor@bureau.example', '198.51.100.1').map((c) => c.key);
			const theirs = loginCounters('editor@bureau.example', '203.0.113.66').map((c) => c.key);
			// Bursts, steady guessing and long pauses, in any mix.
			const pause = fc.oneof(
				fc.constant(0),
				fc.integer({ min: 0, max: minutes(3) }),
				fc.integer({ min: 0, max: minutes(90) })
			);
			await fc.assert(
				fc.asyncProperty(fc.array(pause, { minLength: 1, maxLength: 40 }), async (pauses) => {
					await store.db.deleteFrom('login_attempts').execute();
					const throttle = throttleRepository(store.db);
					let now = t0;
					for (const ms of pauses) {
						now = at(now, ms);
						// A try while the stranger must wait is refused unchecked, and not counted.
						if (!(await throttle.lockedUntil(theirs, now))) {
							await throttle.failedLogin('editor@bureau.example', '203.0.113.66', now);
						}
						expect(await throttle.lockedUntil(mine, now)).toBeUndefined();
					}
				}),
				{ numRuns: 20 }
			);
			// And through the login itself: a dozen guesses over half a day.
			const stranger = '203.0.113.66';
			const now = new Date('2026-05-03T08:00:00Z');
			for (let i = 0; i < 12; i++) await attempt('guess', stranger, at(now, i * minutes(61)));
			const later = at(now, 12 * minutes(61));
			expect(await attempt('guess', stranger, later)).toMatchObject({ reason: 'throttled' });
			expect(await attempt('correct horse battery', '198.51.100.1', later)).toMatchObject({
				ok: true
			});
		}, 60_000);

		it('locks the account from every address after fifty failures from many addresses within 15 minutes', async () => {
			await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			// Thirteen addresses, four tries each (the fourth makes that address wait).
			for (let i = 0; i < 50; i++) {
				await throttleRepository(store.db).failedLogin(
					'editor@bureau.example',
					`10.0.${Math.floor(i / 4)}.1`,
					now
				);
			}
			expect(await attempt('correct horse battery', '198.51.100.1', now)).toEqual({
				ok: false,
				reason: 'throttled',
				until: at(now, throttleRules.account.lockMs)
			});
			expect(
				await attempt(
					'correct horse battery',
					'198.51.100.1',
					at(now, throttleRules.account.lockMs)
				)
			).toMatchObject({ ok: true });
		});

		it('answers an unknown email exactly like a known one when it makes an address wait', async () => {
			await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			const outcomes = [];
			for (const email of ['editor@bureau.example', 'ghost@bureau.example']) {
				for (let i = 0; i < 4; i++) outcomes.push(await attempt('x', address, now, email));
			}
			expect(outcomes.slice(0, 4)).toEqual(outcomes.slice(4));
			expect(outcomes[3]).toMatchObject({ ok: false, reason: 'throttled' });
		});

		it('locks an address after twenty failures across accounts', async () => {
			await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 20; i++) {
				await attempt('x', address, now, `guess${i}@bureau.example`);
			}
			expect(await attempt('correct horse battery', address, now)).toMatchObject({
				ok: false,
				reason: 'throttled'
			});
			expect(await attempt('correct horse battery', '198.51.100.1', now)).toMatchObject({
				ok: true
			});
		}, 60_000);

		it("forgets an address's failures after a day, or at its next successful login", async () => {
			await editor();
			const t0 = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 3; i++) await attempt('x', address, t0);
			const nextDay = at(t0, throttleRules.pair.windowMs);
			expect(await attempt('x', address, nextDay)).toEqual({ ok: false, reason: 'invalid' });
			expect(await attempt('correct horse battery', address, nextDay)).toMatchObject({ ok: true });
			for (let i = 0; i < 3; i++) {
				expect(await attempt('x', address, nextDay)).toEqual({ ok: false, reason: 'invalid' });
			}
		});

		it('lets an admin see and lift the locks of an account, and lifts them at a new password and at enabling', async () => {
			const user = await editor();
			const users = usersRepository(store.db);
			const throttle = throttleRepository(store.db);
			const now = new Date();
			const lockOut = async () => {
				for (let i = 0; i < 50; i++) {
					await throttle.failedLogin(user.email, `10.1.${Math.floor(i / 4)}.1`, now);
				}
			};
			await lockOut();
			const lock = (await throttle.accountLocks([user.email, 'other@bureau.example'])).get(
				user.email
			);
			expect(lock).toMatchObject({
				accountWide: true,
				until: at(now, throttleRules.account.lockMs)
			});
			expect(lock?.addresses).toContain('10.1.0.1');
			expect(await throttle.unlockAccount(user.email)).toEqual(lock?.until);
			expect((await throttle.accountLocks([user.email])).size).toBe(0);
			expect(await attempt('correct horse battery', '10.1.0.1', now)).toMatchObject({ ok: true });

			await lockOut();
			await users.setPassword(user.id, 'a brand new passphrase');
			expect(await attempt('a brand new passphrase', '198.51.100.1', now)).toMatchObject({
				ok: true
			});

			await lockOut();
			await users.setDisabled(user.id, true);
			await users.setDisabled(user.id, false);
			expect(await attempt('a brand new passphrase', '198.51.100.1', now)).toMatchObject({
				ok: true
			});
		}, 60_000);

		it('records failed logins and the locks they start in the audit log, with the email and the address', async () => {
			const user = await editor();
			const now = new Date('2026-05-01T08:00:00Z');
			for (let i = 0; i < 4; i++) await attempt('x', address, now);
			await attempt('x', address, now);
			await attempt('x', address, now, 'ghost@bureau.example');
			const log = await auditRepository(store.db).list({ entityType: 'login' });
			// The attempt refused by the wait (the fifth) is not recorded: it was never checked.
			expect(log.map((e) => [e.action, e.entityId])).toEqual([
				['login.fail', 'ghost@bureau.example'],
				['login.lock', 'editor@bureau.example'],
				['login.fail', 'editor@bureau.example'],
				['login.fail', 'editor@bureau.example'],
				['login.fail', 'editor@bureau.example'],
				['login.fail', 'editor@bureau.example']
			]);
			expect(log[1].changes).toEqual([
				{ path: 'email', after: 'editor@bureau.example' },
				{ path: 'address', after: address },
				{ path: 'account', after: user.id },
				{ path: 'lock', after: 'pair' },
				{ path: 'lockedUntil', after: at(now, minutes(1)).toISOString() }
			]);
			expect(log[0].changes).toEqual([
				{ path: 'email', after: 'ghost@bureau.example' },
				{ path: 'address', after: address }
			]);
			expect(log.every((e) => e.userId === null)).toBe(true);
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
