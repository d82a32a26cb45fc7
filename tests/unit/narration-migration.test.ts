import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { up } from '$lib/server/db/migrations/006-narration';
import type { Store } from '$lib/server/store';
import { describeEachDialect, venueInputFixture } from '../helpers/store';

describeEachDialect((open) => {
	describe('the narration migration', () => {
		let store: Store;
		beforeEach(async () => {
			store = await open();
		});
		afterEach(() => store.close());

		it('writes the default radius and empty narration into records stored before it', async () => {
			const venue = await store.venues.create(venueInputFixture());
			// As a release before narration stored them: no narration, no radius.
			const old = { ...venue } as Record<string, unknown>;
			delete old.narration;
			await store.db
				.updateTable('venues')
				.set({ data: JSON.stringify(old) })
				.where('id', '=', venue.id)
				.execute();
			const stops = [
				{ venueId: venue.id, stayMinutes: 20 },
				{
					point: { name: { zh: '码头' }, position: { lat: 35.36, lon: 116.61 } },
					stayMinutes: 5,
					radiusM: 80
				}
			];
			const tourRow = {
				id: 'tou_oldtour1',
				slug: 'old-tour',
				status: 'published',
				data: JSON.stringify({ id: 'tou_oldtour1', slug: 'old-tour', stops }),
				revision: 1,
				version: 1,
				public: 1,
				ever_public: 1,
				deleted_at: null,
				created_at: '2026-01-01T00:00:00Z',
				updated_at: '2026-01-01T00:00:00Z'
			};
			await store.db.insertInto('tours').values(tourRow).execute();

			await up(store.db);

			const tour = await store.db
				.selectFrom('tours')
				.select('data')
				.where('id', '=', 'tou_oldtour1')
				.executeTakeFirstOrThrow();
			expect(JSON.parse(tour.data).stops).toMatchObject([
				{ radiusM: 40, narration: [] },
				{ radiusM: 80, narration: [] }
			]);
			expect((await store.venues.getById(venue.id))?.narration).toEqual([]);
			const raw = await store.db
				.selectFrom('venues')
				.select('data')
				.where('id', '=', venue.id)
				.executeTakeFirstOrThrow();
			expect(JSON.parse(raw.data).narration).toEqual([]);
		});
	});
});
