import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchKeyOf } from '$lib/content/schemas/feed';
import { GuideDb } from '$lib/offline/db';
import { localSnapshot } from '$lib/offline/local-views';
import { isQuotaError } from '$lib/offline/storage';
import { readSyncMeta, SyncError, syncExclusive, syncOnce } from '$lib/offline/sync';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { testStore } from '../helpers/store';

let store: Store;
let db: GuideDb;
let dbCount = 0;

/** A fetch that reaches the real feed handler over a real store, without a network. */
const feedFetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
	const url = new URL(String(input), 'http://guide.test');
	return contentResponse(store, new Request(url, init), url, 30);
});

beforeEach(async () => {
	store = await testStore();
	await seedIfEmpty(store, '2026-11-28');
	db = new GuideDb(`test-${++dbCount}`);
	feedFetch.mockClear();
});
afterEach(async () => {
	db.close();
	await store.close();
});

/** The visitor saves an event on the phone, as it looked then. */
async function saveOnPhone(e: Awaited<ReturnType<Store['events']['listPublic']>>[number]) {
	await db.favourites.put({
		type: 'events',
		id: e.id,
		slug: e.slug,
		savedAt: '2026-11-28T10:00:00Z',
		seen: { title: e.title.zh, start: e.start, status: e.status }
	});
}

async function mirrorCounts() {
	return { events: await db.events.count(), venues: await db.venues.count() };
}

describe('the sync engine', () => {
	it('stores the full snapshot with its revision on the first run', async () => {
		const outcome = await syncOnce(db, feedFetch);
		expect(outcome.status).toBe('updated');
		expect(feedFetch.mock.calls[0][0]).toBe('/api/v1/content');
		const meta = await readSyncMeta(db);
		expect(meta?.revision).toBeGreaterThan(70);
		expect(meta?.etag).toMatch(/^"r\d+/);
		expect(await mirrorCounts()).toEqual({ events: 44, venues: 25 });
		expect((await localSnapshot(db))?.holidays[0].year).toBe(2026);
	});

	it('then asks for the delta with If-None-Match and gets a 304 when nothing changed', async () => {
		await syncOnce(db, feedFetch);
		const revision = (await readSyncMeta(db))?.revision;
		expect(await syncOnce(db, feedFetch)).toEqual({ status: 'unchanged' });
		const [url, init] = feedFetch.mock.calls[1];
		expect(url).toBe(`/api/v1/content?since=${revision}`);
		expect((init?.headers as Record<string, string>)['if-none-match']).toMatch(/^"r/);
	});

	it('applies an edit and a deletion from the delta', async () => {
		await syncOnce(db, feedFetch);
		const [first, second] = await store.events.listPublic();
		await store.events.update(first.id, { ...first, title: { zh: '改过的标题' } }, first.version);
		await store.events.remove(second.id, second.version);
		await syncOnce(db, feedFetch);
		expect((await db.events.get(first.id))?.title.zh).toBe('改过的标题');
		expect(await db.events.get(second.id)).toBeUndefined();
		expect(await db.events.count()).toBe(43);
	});

	it.each([
		['a server error', () => new Response('oops', { status: 503 })],
		['a cut-off body', () => new Response('{"revision":99,"venues":[{"id":', { status: 200 })],
		['a malformed payload', () => Response.json({ revision: 'x' })]
	])('keeps the previous content after %s and succeeds on the next try', async (_name, broken) => {
		await syncOnce(db, feedFetch);
		const before = await readSyncMeta(db);
		const [first] = await store.events.listPublic();
		await store.events.update(first.id, { ...first, title: { zh: '新标题' } }, first.version);
		await expect(syncOnce(db, async () => broken())).rejects.toThrow(SyncError);
		expect(await readSyncMeta(db)).toEqual(before);
		expect((await db.events.get(first.id))?.title.zh).toBe(first.title.zh);
		await syncOnce(db, feedFetch);
		expect((await db.events.get(first.id))?.title.zh).toBe('新标题');
	});

	it('keeps pinyin search keys so "tbh" works offline, dropping those of deleted records', async () => {
		await syncOnce(db, feedFetch);
		const lake = (await db.venues.toArray()).find((v) => v.name.zh === '太白湖景区');
		expect((await localSnapshot(db))?.searchKeys?.[searchKeyOf('venues', lake!.id)]).toContain(
			'tbh'
		);
		const [event] = await store.events.listPublic();
		await store.events.remove(event.id, event.version);
		await syncOnce(db, feedFetch);
		expect(
			(await localSnapshot(db))?.searchKeys?.[searchKeyOf('events', event.id)]
		).toBeUndefined();
		expect((await localSnapshot(db))?.searchKeys?.[searchKeyOf('venues', lake!.id)]).toContain(
			'tbh'
		);
	});

	it('never runs two syncs at once', async () => {
		const [a, b] = await Promise.all([syncExclusive(db, feedFetch), syncExclusive(db, feedFetch)]);
		expect(a).toBe(b);
		expect(feedFetch).toHaveBeenCalledTimes(1);
	});

	/** A feed that answers as `answer` says, and gives up only when the sync aborts it. */
	const stalling =
		(answer: 'nothing' | 'headers') => (_input: RequestInfo | URL, init?: RequestInit) =>
			new Promise<Response>((resolve, reject) => {
				const aborted = () => reject(new DOMException('aborted', 'AbortError'));
				init?.signal?.addEventListener('abort', aborted);
				if (answer === 'nothing') return;
				const body = new ReadableStream({
					start(controller) {
						controller.enqueue(new TextEncoder().encode('{"revision":'));
						init?.signal?.addEventListener('abort', () => controller.error(new Error('aborted')));
					}
				});
				resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));
			});

	it.each(['nothing', 'headers'] as const)(
		'gives up on a feed that answers %s and then stalls, writes nothing, and the next sync starts afresh',
		async (answer) => {
			const limit = 300;
			const started = Date.now();
			const failure = await syncExclusive(db, stalling(answer) as typeof fetch, limit).catch(
				(e: unknown) => e
			);
			expect(Date.now() - started).toBeGreaterThanOrEqual(limit - 5);
			expect(failure).toBeInstanceOf(SyncError);
			expect((failure as SyncError).message).toMatch(/0\.3 s/);
			expect(await readSyncMeta(db)).toBeUndefined();
			expect((await syncExclusive(db, feedFetch)).status).toBe('updated');
		}
	);

	it('applies nothing when storage runs out halfway, and says it was the quota', async () => {
		await syncOnce(db, feedFetch);
		const before = await mirrorCounts();
		const [first] = await store.events.listPublic();
		await store.events.update(first.id, { ...first, title: { zh: '装不下' } }, first.version);
		const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const spy = vi.spyOn(db.events, 'bulkPut').mockRejectedValueOnce(quota);
		const failure = await syncOnce(db, feedFetch).catch((e: unknown) => e);
		expect(isQuotaError(failure)).toBe(true);
		expect(await mirrorCounts()).toEqual(before);
		expect((await db.events.get(first.id))?.title.zh).toBe(first.title.zh);
		spy.mockRestore();
	});

	it('reports saved events that were cancelled or moved, and leaves favourites untouched', async () => {
		await syncOnce(db, feedFetch);
		const [a, b] = (await store.events.listPublic()).filter(
			(e) => e.status === 'published' && !e.rrule
		);
		for (const e of [a, b]) await saveOnPhone(e);
		await store.events.update(
			a.id,
			{ ...a, status: 'cancelled', statusReason: { zh: '大风' } },
			a.version
		);
		await store.events.update(
			b.id,
			{ ...b, start: '2027-01-05T10:00', end: '2027-01-05T11:00' },
			b.version
		);
		const outcome = await syncOnce(db, feedFetch);
		expect(
			outcome.status === 'updated' && outcome.result.saved.map((s) => s.change).sort()
		).toEqual(['cancelled', 'moved']);
		expect(await db.favourites.count()).toBe(2);
	});

	it('flags a saved repeating event when one of its dates is cancelled, and only then', async () => {
		await syncOnce(db, feedFetch);
		const weekly = (await store.events.listPublic()).find(
			(e) => e.status === 'published' && e.rrule
		)!;
		await saveOnPhone(weekly);
		// A new summary is not news.
		const renamed = await store.events.update(
			weekly.id,
			{ ...weekly, summary: { zh: '新的简介' } },
			weekly.version
		);
		const quiet = await syncOnce(db, feedFetch);
		expect(quiet.status === 'updated' && quiet.result.saved).toEqual([]);
		// Cancelling one date is.
		const date = `${weekly.start.slice(0, 10)}T${weekly.start.slice(11, 16)}`;
		await store.events.update(weekly.id, { ...renamed, exdates: [date] }, renamed.version);
		const outcome = await syncOnce(db, feedFetch);
		expect(outcome.status === 'updated' && outcome.result.saved).toEqual([
			{ id: weekly.id, slug: weekly.slug, title: weekly.title.zh, change: 'date-cancelled' }
		]);
	});
});

describe('the phone database', () => {
	it('upgrades a version 1 database without losing the visitor’s favourites', async () => {
		const name = `upgrade-${++dbCount}`;
		const v1 = new Dexie(name);
		v1.version(1).stores({
			venues: 'id, slug, kind',
			events: 'id, slug, venueId, festivalId, start',
			festivals: 'id, slug',
			tours: 'id, slug',
			meta: 'key',
			favourites: '[type+id], type, savedAt',
			visitedStops: '[tourId+stop], tourId'
		});
		await v1.table('favourites').put({
			type: 'venues',
			id: 'ven_museum',
			slug: 'jining-museum',
			savedAt: 'x',
			seen: { title: '博物馆' }
		});
		await v1.table('visitedStops').put({ tourId: 'tou_walk', stop: 0, at: 'x' });
		v1.close();

		const upgraded = new GuideDb(name);
		expect(await upgraded.favourites.where('slug').equals('jining-museum').count()).toBe(1);
		expect(await upgraded.visitedStops.count()).toBe(1);
		await upgraded.plans.put({ id: 'p1', date: '2026-12-01', updatedAt: 'x', plan: {} });
		expect(await upgraded.plans.count()).toBe(1);
		expect(await upgraded.notices.count()).toBe(0);
		expect(await upgraded.leadTimes.count()).toBe(0);
		expect(await upgraded.shownReminders.count()).toBe(0);
		expect(await upgraded.tourDownloads.count()).toBe(0);
		expect(await upgraded.tourWalks.count()).toBe(0);
		expect(upgraded.verno).toBe(8);
		upgraded.close();
	});

	it('renames search keys stored before version 3 to the content type’s one tag', async () => {
		const name = `upgrade-${++dbCount}`;
		const v2 = new Dexie(name);
		v2.version(2).stores({ meta: 'key' });
		await v2.table('meta').put({
			key: 'searchKeys',
			value: {
				'venue:ven_lake': '太白湖 tbh',
				'event:evt_a:b': 'x',
				'tour:t': 'y',
				'festival:f': 'z'
			}
		});
		v2.close();

		const upgraded = new GuideDb(name);
		expect((await upgraded.meta.get('searchKeys'))?.value).toEqual({
			[searchKeyOf('venues', 'ven_lake')]: '太白湖 tbh',
			[searchKeyOf('events', 'evt_a:b')]: 'x',
			[searchKeyOf('tours', 't')]: 'y',
			[searchKeyOf('festivals', 'f')]: 'z'
		});
		upgraded.close();
	});
});
