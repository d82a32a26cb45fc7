import { afterEach, describe, expect, it } from 'vitest';
import { usersRepository } from '$lib/server/auth/users';
import type { Store } from '$lib/server/store';
import { describeEachDialect, eventInputFixture } from '../helpers/store';

// Found by the reliability bench's fuzzer on PostgreSQL: a festival id with a NUL in the import
// form was an error from the database (a 500), where SQLite simply found nothing.
describeEachDialect((open) => {
	let store: Store | undefined;
	afterEach(async () => {
		await store?.close();
		store = undefined;
	});

	describe('a key with a NUL in it, from a path or a form', () => {
		it('finds no record, by id or by slug, instead of failing', async () => {
			store = await open();
			const event = await store.events.create(eventInputFixture());
			for (const key of ['\u0000', `${event.id}\u0000`, `fes_\u0000x`]) {
				expect(await store.events.getById(key)).toBeUndefined();
				expect(await store.festivals.getById(key)).toBeUndefined();
				expect(await store.events.getPublicBySlug(key)).toBeUndefined();
			}
			expect((await store.events.getById(event.id))?.id).toBe(event.id);
		});

		it('finds no account', async () => {
			store = await open();
			expect(await usersRepository(store.db).getById('usr_\u0000')).toBeUndefined();
		});
	});
});
