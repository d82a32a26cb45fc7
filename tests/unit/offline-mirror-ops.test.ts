import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { guideDb } from '$lib/offline/db';
import { commands, queries, type MirrorStatus } from '$lib/offline/ops';
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

describe('the facade, in a page without workers', () => {
	it('answers a page’s view from the mirror once it holds content, as the server’s view would', async () => {
		const offline = await import('$lib/offline');
		expect(await offline.view('events', 'en')).toBeUndefined();
		await offline.command('sync');
		const [event] = (await store.events.listPublic()).filter((e) => e.status === 'published');
		const data = await offline.view('event', 'en', { slug: event.slug });
		expect(data?.event.slug).toBe(event.slug);
	});

	it('throws for an unknown record and a missing parameter as the server answers 404 and 400', async () => {
		const offline = await import('$lib/offline');
		const { ViewNotFoundError, ViewParameterError } = await import('$lib/content/views/context');
		await offline.command('sync');
		await expect(offline.view('event', 'en', { slug: 'no-such-event' })).rejects.toThrow(
			ViewNotFoundError
		);
		await expect(offline.view('event', 'en')).rejects.toThrow(ViewParameterError);
	});

	it('follows the mirror’s content, which a sync fills', async () => {
		const offline = await import('$lib/offline');
		const seen: (number | undefined)[] = [];
		const filled = new Promise<void>((resolve) => {
			const stop = offline.watch('content', undefined, (content) => {
				seen.push(content?.revision);
				if (content) {
					stop();
					resolve();
				}
			});
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		await offline.command('sync');
		await filled;
		expect(seen).toEqual([undefined, await currentRevision(store.db)]);
	});

	it('keeps a day plan and lists it live', async () => {
		const offline = await import('$lib/offline');
		const plan = {
			date: '2026-12-01',
			start: { kind: 'point' as const, position: { lat: 35.4, lon: 116.6 }, here: true },
			from: '09:00',
			to: '18:00',
			mode: 'walk' as const,
			items: []
		};
		await offline.command('savePlan', plan);
		expect(await offline.command('loadPlan', '2026-12-01')).toEqual(plan);
		const listed = await new Promise<number>((resolve) => {
			const stop = offline.watch('plans', undefined, (plans) => {
				stop();
				resolve(plans.length);
			});
		});
		expect(listed).toBe(1);
		await offline.command('deletePlan', '2026-12-01');
		expect(await offline.command('loadPlan', '2026-12-01')).toBeUndefined();
	});

	it('remembers where a visitor stopped listening, per narration, and keeps only the latest 500', async () => {
		const offline = await import('$lib/offline');
		expect(await offline.command('listeningPosition', 'venues:v1:zh')).toBe(0);
		await offline.command('rememberListening', { key: 'venues:v1:zh', position: 17.26 });
		await offline.command('rememberListening', { key: 'venues:v1:en', position: Number.NaN });
		expect(await offline.command('listeningPosition', 'venues:v1:zh')).toBe(17.3);
		expect(await offline.command('listeningPosition', 'venues:v1:en')).toBe(0);
		const many = Array.from({ length: 510 }, (_, i) => ({
			key: `stop:${i}`,
			position: i + 1,
			at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString()
		}));
		await guideDb().listening.bulkPut(many);
		await offline.command('rememberListening', { key: 'venues:v1:zh', position: 3 });
		expect(await guideDb().listening.count()).toBe(500);
		expect(await offline.command('listeningPosition', 'stop:0')).toBe(0);
		expect(await offline.command('listeningPosition', 'stop:509')).toBe(510);
		expect(await offline.command('listeningPosition', 'venues:v1:zh')).toBe(3);
	});
});
