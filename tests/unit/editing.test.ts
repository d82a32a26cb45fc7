import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { combineChanges, diffRecords } from '$lib/server/audit/diff';
import { auditRepository } from '$lib/server/audit/log';
import { usersRepository, type User } from '$lib/server/auth/users';
import { currentRevision } from '$lib/server/content/revision';
import { contentEditor, EditConflict } from '$lib/server/editing/content';
import type { Choice } from '$lib/server/editing/merge';
import type { Event, EventInput } from '$lib/content/schemas';
import { eventInputOf, eventValues } from '$lib/admin/forms/event';
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

		/** Alice creates an event (version 1), then saves `changes` over it (version 2). */
		async function aliceSaves(changes: object, fixture: Partial<EventInput> = {}) {
			const editor = contentEditor(store, alice);
			const event = (await editor.create('events', eventInputFixture(fixture))) as Event;
			const v2 = (await editor.save('events', event.id, { ...event, ...changes }, 1)) as Event;
			return { event, v2 };
		}

		/** Bob's save from a form opened at `version`: his input and the base it was opened at. */
		async function bobSaves(
			id: string,
			version: number,
			change: (base: Event) => object,
			answers: { seenVersion?: number; choices?: [string, Choice][] } = {}
		) {
			const editor = contentEditor(store, bob);
			const base = (await editor.recordAt('events', id, version)) as Event;
			return editor.saveMerging({
				type: 'events',
				id,
				input: change(base),
				version,
				request: {
					baseInput: base,
					choices: new Map(answers.choices ?? []),
					seenVersion: answers.seenVersion
				}
			});
		}

		it('merges a save over a newer version: fields only one of them changed all survive', async () => {
			// Both open version 1; Alice changes the Chinese summary and saves first.
			const { event } = await aliceSaves(
				{ summary: { zh: '改到北岸的露天音乐会。' } },
				{ title: { zh: '湖畔音乐会' } }
			);
			// Bob, on his older form, changes only the English title and description.
			const saved = await bobSaves(event.id, 1, (base) => ({
				...base,
				title: { ...base.title, en: 'Lakeside concert' },
				description: { ...base.description, en: 'Folk music by the lake.' }
			}));
			expect(saved.merged).toEqual({ from: 1, upTo: 2, kept: ['summary.zh'] });
			const stored = (await store.events.getById(event.id)) as Event;
			expect(stored.summary.zh).toBe('改到北岸的露天音乐会。');
			expect(stored.title).toEqual({ zh: '湖畔音乐会', en: 'Lakeside concert' });
			expect(stored.description.en).toBe('Folk music by the lake.');
			expect(stored.version).toBe(3);
			// Bob's audit entry holds only his own fields.
			const [entry] = await auditRepository(store.db).list({ entityId: event.id });
			expect(entry).toMatchObject({ userId: bob.id, version: 3 });
			expect(entry.changes.map((c) => c.path)).toEqual(['description.en', 'title.en']);
		});

		it("never counts fields the form does not edit, or its own tidying of values, as the editor's", async () => {
			// Alice adds a picture (not a field of the form) and changes the tags and the rule, on
			// an event as an import may store it: a rule and cancelled dates the form's builder
			// writes differently (BYDAY spelled out, dates sorted) without anyone changing them.
			const image = {
				src: '/media/abc',
				alt: { zh: '湖' },
				width: 1600,
				height: 900,
				widths: [480, 960, 1600]
			};
			const { event } = await aliceSaves(
				{ image, tags: ['c'], rrule: 'FREQ=WEEKLY;COUNT=6' },
				{
					rrule: 'FREQ=WEEKLY;COUNT=4',
					exdates: ['2026-12-19T19:30', '2026-12-12T19:30'],
					tags: ['b', 'a']
				}
			);
			// Bob's form, opened at version 1, changes only the English title, as the page does it.
			const editor = contentEditor(store, bob);
			const opened = (await editor.recordAt('events', event.id, 1)) as Event;
			const values = eventValues(opened);
			values.title.en = 'Lakeside concert';
			await editor.saveMerging({
				type: 'events',
				id: event.id,
				input: eventInputOf(values, opened).input,
				version: 1,
				request: { baseInput: eventInputOf(eventValues(opened), opened).input, choices: new Map() }
			});
			const stored = (await store.events.getById(event.id)) as Event;
			expect(stored.image).toEqual(image);
			expect(stored.tags).toEqual(['c']);
			expect(stored.rrule).toBe('FREQ=WEEKLY;COUNT=6');
			expect(stored.exdates).toEqual(['2026-12-19T19:30', '2026-12-12T19:30']);
			expect(stored.title.en).toBe('Lakeside concert');
			const [entry] = await auditRepository(store.db).list({ entityId: event.id });
			expect(entry.changes.map((c) => c.path)).toEqual(['title.en']);
		});

		it('refuses fields both changed differently, says what changed and who changed it, and writes nothing', async () => {
			const { event } = await aliceSaves({
				title: { zh: '甲改的标题' },
				summary: { zh: '甲改的简介' }
			});
			const revision = await currentRevision(store.db);
			const refused = await bobSaves(event.id, 1, (base) => ({
				...base,
				title: { zh: '乙改的标题' },
				summary: { zh: '甲改的简介' },
				description: { zh: '乙改的介绍' }
			})).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(EditConflict);
			const conflict = refused as EditConflict<Event>;
			expect(conflict.current.title.zh).toBe('甲改的标题');
			// The summary both changed to the same words is no conflict.
			expect(conflict.conflicts).toEqual([
				{ path: 'title.zh', base: event.title.zh, theirs: '甲改的标题', mine: '乙改的标题' }
			]);
			expect(conflict.changes.map((c) => c.path)).toEqual(['summary.zh', 'title.zh']);
			expect(conflict.entries.map((e) => e.userId)).toEqual([alice.id]);
			expect(conflict.review).toBeUndefined();
			expect(await currentRevision(store.db)).toBe(revision);
			expect(((await store.events.getById(event.id)) as Event).description.zh).toBe('介绍');
			expect(await auditRepository(store.db).count({ entityId: event.id })).toBe(2);
		});

		it('applies the choice made for each conflicting field at the next save', async () => {
			const { event } = await aliceSaves({
				title: { zh: '甲的标题' },
				summary: { zh: '甲的简介' }
			});
			const mine = (base: Event) => ({
				...base,
				title: { zh: '乙的标题' },
				summary: { zh: '乙的简介' },
				tags: ['夜游']
			});
			const saved = await bobSaves(event.id, 1, mine, {
				seenVersion: 2,
				choices: [
					['title.zh', 'mine'],
					['summary.zh', 'theirs']
				]
			});
			expect(saved.merged).toEqual({ from: 1, upTo: 2, kept: ['summary.zh'] });
			const stored = (await store.events.getById(event.id)) as Event;
			expect([stored.title.zh, stored.summary.zh, stored.tags]).toEqual([
				'乙的标题',
				'甲的简介',
				['夜游']
			]);
		});

		it('asks again only about a field changed again after the choice was offered', async () => {
			const { event, v2 } = await aliceSaves({
				title: { zh: '甲的标题' },
				summary: { zh: '甲的简介' }
			});
			// Bob was shown version 2 and chose; meanwhile Alice changed the summary again.
			await contentEditor(store, alice).save(
				'events',
				event.id,
				{ ...v2, summary: { zh: '甲又改的简介' } },
				2
			);
			const refused = await bobSaves(
				event.id,
				1,
				(base) => ({ ...base, title: { zh: '乙的标题' }, summary: { zh: '乙的简介' } }),
				{
					seenVersion: 2,
					choices: [
						['title.zh', 'mine'],
						['summary.zh', 'mine']
					]
				}
			).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(EditConflict);
			const conflict = refused as EditConflict<Event>;
			expect(conflict.conflicts.map((c) => [c.path, c.theirs])).toEqual([
				['summary.zh', '甲又改的简介']
			]);
			// The choice for the title still stands and goes back to the form.
			expect([...conflict.choices]).toEqual([['title.zh', 'mine']]);
			expect(((await store.events.getById(event.id)) as Event).version).toBe(3);
		});

		it('refuses a status change over changes the editor has not seen, until they have', async () => {
			const { event } = await aliceSaves(
				{ summary: { zh: '甲未核对的简介' } },
				{ status: 'draft' }
			);
			const publish = (base: Event) => ({ ...base, status: 'published' });
			const refused = await bobSaves(event.id, 1, publish).catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(EditConflict);
			expect((refused as EditConflict).review).toBe('status');
			expect(((await store.events.getById(event.id)) as Event).status).toBe('draft');
			// Shown what Alice changed (version 2), Bob saves again: published with her summary.
			await bobSaves(event.id, 1, publish, { seenVersion: 2 });
			const stored = (await store.events.getById(event.id)) as Event;
			expect([stored.status, stored.summary.zh]).toEqual(['published', '甲未核对的简介']);
		});

		it('keeps publishing, cancelling and deleting strict: refused over any newer version', async () => {
			const { event } = await aliceSaves({ summary: { zh: '新简介' } }, { status: 'draft' });
			const editor = contentEditor(store, bob);
			for (const attempt of [
				() => editor.setStatus('events', event.id, 1, { status: 'published' }),
				() =>
					editor.setStatus('events', event.id, 1, {
						status: 'cancelled',
						statusReason: { zh: '天气' }
					}),
				() => editor.remove('events', event.id, 1)
			]) {
				expect(await attempt().catch((e: unknown) => e)).toBeInstanceOf(EditConflict);
			}
			const stored = (await store.events.getById(event.id)) as Event;
			expect([stored.status, stored.version]).toEqual(['draft', 2]);
		});

		it('rebuilds any earlier version of a record from the audit log', async () => {
			const v1 = (await contentEditor(store, alice).create(
				'events',
				eventInputFixture({ tags: ['a'] })
			)) as Event;
			const v2 = (await contentEditor(store, alice).save(
				'events',
				v1.id,
				{
					...v1,
					title: { zh: '二', en: 'Two' },
					tags: ['a', 'b'],
					bookingUrl: 'https://a.example'
				},
				1
			)) as Event;
			await contentEditor(store, bob).save(
				'events',
				v1.id,
				{ ...v2, title: { zh: '三' }, bookingUrl: undefined, position: { lat: 35.4, lon: 116.5 } },
				2
			);
			const editor = contentEditor(store, bob);
			const strip = ({ revision: _r, updatedAt: _u, ...rest }: Event) => rest;
			expect(strip((await editor.recordAt('events', v1.id, 1)) as Event)).toEqual(strip(v1));
			expect(strip((await editor.recordAt('events', v1.id, 2)) as Event)).toEqual(strip(v2));
			expect(await editor.recordAt('events', v1.id, 4)).toBeUndefined();
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
