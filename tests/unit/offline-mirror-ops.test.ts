import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guideDb } from '$lib/offline/db';
import { commands, queries, type MirrorStatus } from '$lib/offline/mirror-ops';
import { currentRevision } from '$lib/server/content/revision';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { testStore } from '../helpers/store';

// The operations the page asks of the mirror's worker, run here against the page's own database
// (fake IndexedDB) and the real feed handler, as the worker runs them.
let store: Store;

beforeEach(async () => {
	store = await testStore();
	await seedIfEmpty(store, '2026-11-28');
	vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(String(input), 'http://guide.test');
		return contentResponse(store, new Request(url, init), url, 30);
	});
});
afterEach(async () => {
	vi.unstubAllGlobals();
	// The page's database is one per page: empty it for the next test rather than closing it.
	await Promise.all(guideDb().tables.map((table) => table.clear()));
	await store.close();
});

/** The next `count` answers of a live query. */
function answers<T>(
	observable: { subscribe(next: (value: T) => void): { unsubscribe(): void } },
	count: number
) {
	const seen: T[] = [];
	return new Promise<T[]>((resolve) => {
		const subscription = observable.subscribe((value) => {
			seen.push(value);
			if (seen.length === count) {
				subscription.unsubscribe();
				resolve(seen);
			}
		});
	});
}

describe('the mirror’s operations', () => {
	it('report the revision a sync stored to whoever watches the status', async () => {
		const watched = answers<MirrorStatus>(queries.status(), 2);
		await new Promise((resolve) => setTimeout(resolve, 20));
		await commands.sync();
		const [before, after] = await watched;
		expect(before.meta).toBeUndefined();
		expect(after.meta?.revision).toBe(await currentRevision(store.db));
	});

	it('save and unsave a favourite, and the favourite query answers each time', async () => {
		await guideDb().open();
		const item = { type: 'venues' as const, id: 'v1', slug: 'museum', seen: { title: '博物馆' } };
		const watched = answers<boolean>(queries.favourite({ type: 'venues', id: 'v1' }), 3);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(await commands.toggleFavourite(item)).toBe(true);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(await commands.toggleFavourite(item)).toBe(false);
		expect(await watched).toEqual([false, true, false]);
	});

	it('keep the news of a cancelled saved event until it is dismissed, then take its state as seen', async () => {
		await commands.sync();
		const [event] = (await store.events.listPublic()).filter(
			(e) => e.status === 'published' && !e.rrule
		);
		await commands.toggleFavourite({
			type: 'events',
			id: event.id,
			slug: event.slug,
			seen: { title: event.title.zh, start: event.start, status: event.status }
		});
		await store.events.update(
			event.id,
			{ ...event, status: 'cancelled', statusReason: { zh: '大风' } },
			event.version
		);
		await commands.sync();
		const [status] = await answers<MirrorStatus>(queries.status(), 1);
		expect(status.saved).toEqual([
			{
				id: event.id,
				slug: event.slug,
				title: event.title.zh,
				change: 'cancelled',
				reason: { zh: '大风' }
			}
		]);

		await commands.dismissSavedChanges();
		const [cleared] = await answers<MirrorStatus>(queries.status(), 1);
		expect(cleared.saved).toEqual([]);
		const favourite = await guideDb().favourites.get(['events', event.id] as never);
		expect(favourite?.seen.status).toBe('cancelled');
	});
});
