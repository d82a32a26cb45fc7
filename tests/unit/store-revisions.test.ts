import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '$lib/server/content/errors';
import { currentRevision } from '$lib/server/content/revision';
import { ValidationError } from '$lib/content/validation';
import { buildFeed } from '$lib/server/feed/build';
import type { Store } from '$lib/server/store';
import { eventInputFixture, describeEachDialect, venueInputFixture } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	beforeEach(async () => {
		store = await open();
	});
	afterEach(async () => {
		await store.close();
	});

	describe('the global revision', () => {
		it('goes up by one with every create, update, publish, unpublish and delete', async () => {
			const revisions = [await currentRevision(store.db)];
			const draft = await store.venues.create(venueInputFixture({ status: 'draft' }));
			revisions.push(await currentRevision(store.db));
			const published = await store.venues.update(draft.id, { ...draft, status: 'published' }, 1);
			revisions.push(await currentRevision(store.db));
			const edited = await store.venues.update(draft.id, { ...published, name: { zh: '新名' } }, 2);
			revisions.push(await currentRevision(store.db));
			const unpublished = await store.venues.update(draft.id, { ...edited, status: 'draft' }, 3);
			revisions.push(await currentRevision(store.db));
			await store.venues.remove(draft.id, unpublished.version);
			revisions.push(await currentRevision(store.db));
			expect(revisions).toEqual([0, 1, 2, 3, 4, 5]);
		});

		it('is stamped on the changed record', async () => {
			await store.venues.create(venueInputFixture());
			const second = await store.venues.create(venueInputFixture());
			expect(second.revision).toBe(2);
			expect(second.version).toBe(1);
		});

		it('does not move when a write is refused', async () => {
			const venue = await store.venues.create(venueInputFixture());
			await expect(
				store.venues.update(venue.id, { ...venue, name: { zh: '' } }, 1)
			).rejects.toThrow(ValidationError);
			await expect(store.venues.update(venue.id, venue, 7)).rejects.toThrow(ConflictError);
			expect(await currentRevision(store.db)).toBe(1);
		});
	});

	describe('optimistic concurrency', () => {
		it('refuses a save over a newer version and hands back the newer record', async () => {
			const venue = await store.venues.create(venueInputFixture());
			await store.venues.update(venue.id, { ...venue, name: { zh: '甲改' } }, 1);
			const refused = await store.venues
				.update(venue.id, { ...venue, name: { zh: '乙改' } }, 1)
				.catch((e: unknown) => e);
			expect(refused).toBeInstanceOf(ConflictError);
			expect((refused as ConflictError<{ name: { zh: string } }>).current.name.zh).toBe('甲改');
		});
	});

	describe('validation', () => {
		it('names the field and writes nothing when a slug is taken', async () => {
			await store.venues.create(venueInputFixture({ slug: 'museum' }));
			const error = await store.venues
				.create(venueInputFixture({ slug: 'museum' }))
				.catch((e) => e);
			expect(error).toBeInstanceOf(ValidationError);
			expect((error as ValidationError).problems).toEqual([
				{ path: 'slug', message: '"museum" is already used' }
			]);
			expect(await store.venues.listAll()).toHaveLength(1);
		});

		it('lets a deleted record’s slug be used again', async () => {
			const venue = await store.venues.create(venueInputFixture({ slug: 'reused' }));
			await store.venues.remove(venue.id, 1);
			await expect(
				store.venues.create(venueInputFixture({ slug: 'reused' }))
			).resolves.toBeTruthy();
		});
	});

	describe('drafts and tombstones in the feed', () => {
		it('never shows a draft, not even as a tombstone', async () => {
			await store.events.create(eventInputFixture({ status: 'draft' }));
			const snapshot = await buildFeed(store, null);
			const delta = await buildFeed(store, 0);
			expect(snapshot.events).toEqual([]);
			expect(delta.events).toEqual([]);
			expect(delta.deleted.events).toEqual([]);
		});

		it('keeps cancelled and postponed events public so visitors learn what changed', async () => {
			const reason = { zh: '大风' };
			await store.events.create(eventInputFixture({ status: 'cancelled', statusReason: reason }));
			await store.events.create(eventInputFixture({ status: 'postponed', statusReason: reason }));
			expect((await buildFeed(store, null)).events.map((e) => e.status).sort()).toEqual([
				'cancelled',
				'postponed'
			]);
		});

		it('sends a tombstone when a published record is unpublished or deleted', async () => {
			const a = await store.events.create(eventInputFixture());
			const b = await store.events.create(eventInputFixture());
			await store.events.update(a.id, { ...a, status: 'draft' }, 1);
			await store.events.remove(b.id, 1);
			const delta = await buildFeed(store, 2);
			expect(delta.events).toEqual([]);
			expect(delta.deleted.events.sort()).toEqual([a.id, b.id].sort());
		});
	});
});
