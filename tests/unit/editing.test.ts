import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineChanges, diffRecords } from '$lib/server/audit/diff';
import { auditRepository } from '$lib/server/audit/log';
import { usersRepository, type User } from '$lib/server/auth/users';
import { currentRevision } from '$lib/server/content/revision';
import { contentEditor, EditConflict } from '$lib/server/editing/content';
import type { Event } from '$lib/content/schemas';
import type { Store } from '$lib/server/store';
import { eventInputFixture, describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	let alice: User;
	let bob: User;
	beforeEach(async () => {
		store = await open();
		const users = usersRepository(store.db);
		alice = await users.create({
			email: 'alice@bureau.example',
			name: 'Alice',
			role: 'editor',
			password: 'alice passphrase'
		});
		bob = await users.create({
			email: 'bob@bureau.example',
			name: 'Bob',
			role: 'editor',
			password: 'bob passphrase!!'
		});
	});
	afterEach(async () => {
		await store.close();
	});

	describe('field-level diffs', () => {
		it('name each changed leaf by its dotted path and skip bookkeeping', () => {
			const before = { title: { zh: '甲', en: 'A' }, tags: ['x'], version: 1, revision: 4 };
			const after = {
				title: { zh: '乙', en: 'A' },
				tags: ['x', 'y'],
				version: 2,
				revision: 9,
				bookingUrl: 'https://a.example'
			};
			expect(diffRecords(before, after)).toEqual([
				{ path: 'bookingUrl', after: 'https://a.example' },
				{ path: 'tags', before: ['x'], after: ['x', 'y'] },
				{ path: 'title.zh', before: '甲', after: '乙' }
			]);
		});

		it('fold several saves into the first before and the last after', () => {
			expect(
				combineChanges([
					[{ path: 'title.zh', before: '甲', after: '乙' }],
					[
						{ path: 'title.zh', before: '乙', after: '丙' },
						{ path: 'start', before: 'a', after: 'b' }
					],
					[{ path: 'start', before: 'b', after: 'a' }]
				])
			).toEqual([{ path: 'title.zh', before: '甲', after: '丙' }]);
		});
	});

	describe('editing content', () => {
		it('records who created a record, and every later change field by field', async () => {
			const created = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture({ status: 'draft' })
			)) as Event;
			await contentEditor(store, bob).save(
				'events',
				created.id,
				{ ...created, title: { zh: '新标题' }, status: 'published' },
				1
			);
			const log = await auditRepository(store.db).list({ entityId: created.id });
			expect(log.map((e) => [e.action, e.userId, e.version])).toEqual([
				['publish', bob.id, 2],
				['create', alice.id, 1]
			]);
			expect(log[0].changes).toEqual([
				{ path: 'status', before: 'draft', after: 'published' },
				{ path: 'title.zh', before: created.title.zh, after: '新标题' }
			]);
		});

		it('refuses the second of two saves from the same version, says what changed and who changed it, and writes nothing', async () => {
			const event = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture()
			)) as Event;
			// Both open version 1; Alice saves first.
			await contentEditor(store, alice).save(
				'events',
				event.id,
				{ ...event, title: { zh: '甲改的标题' } },
				1
			);
			const revision = await currentRevision(store.db);
			const refused = await contentEditor(store, bob)
				.save('events', event.id, { ...event, summary: { zh: '乙改的简介' } }, 1)
				.catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(EditConflict);
			const conflict = refused as EditConflict<Event>;
			expect(conflict.current.title.zh).toBe('甲改的标题');
			expect(conflict.changes).toEqual([
				{ path: 'title.zh', before: event.title.zh, after: '甲改的标题' }
			]);
			expect(conflict.entries.map((e) => e.userId)).toEqual([alice.id]);
			expect(await currentRevision(store.db)).toBe(revision);
			expect(((await store.events.getById(event.id)) as Event).summary.zh).toBe('简介');
			expect(await auditRepository(store.db).count({ entityId: event.id })).toBe(2);
		});

		it('stores SQL-looking input verbatim', async () => {
			const sqlish = 'Robert\'); DROP TABLE events;-- " OR 1=1 /*';
			const created = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture({
					title: { zh: sqlish, en: "' UNION SELECT password_hash FROM users --" }
				})
			)) as Event;
			const stored = (await store.events.getById(created.id)) as Event;
			expect(stored.title).toEqual({
				zh: sqlish,
				en: "' UNION SELECT password_hash FROM users --"
			});
			expect(await store.events.listAll()).toHaveLength(1);
		});

		it('deletes through the revision mechanism and keeps the last content in the log', async () => {
			const event = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture()
			)) as Event;
			await contentEditor(store, bob).remove('events', event.id, 1);
			expect(await store.events.getById(event.id)).toBeUndefined();
			const changes = await store.events.changedSince(0);
			expect(changes.deletedIds).toEqual([event.id]);
			const [entry] = await auditRepository(store.db).list({ action: 'delete' });
			expect(entry).toMatchObject({ userId: bob.id, entityId: event.id, version: 2 });
			expect(entry.changes).toContainEqual({ path: 'title.zh', before: event.title.zh });
		});

		it('cancels with a reason through the same path', async () => {
			const event = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture()
			)) as Event;
			const cancelled = (await contentEditor(store, alice).setStatus('events', event.id, 1, {
				status: 'cancelled',
				statusReason: { zh: '天气原因' }
			})) as Event;
			expect(cancelled.status).toBe('cancelled');
			const [entry] = await auditRepository(store.db).list({
				entityId: event.id,
				action: 'cancel'
			});
			expect(entry.changes.map((c) => c.path)).toEqual(['status', 'statusReason.zh']);
		});
	});
});
