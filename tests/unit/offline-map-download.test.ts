import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { districtBounds } from '$lib/content/map-settings';
import { GuideDb } from '$lib/offline/db';
import { contentUsage, visitorUsage } from '$lib/offline/storage-usage';
import {
	clearTileJob,
	jobUrls,
	loadTileJob,
	runTileJob,
	saveTileJob,
	tileCacheName,
	type JobDeps,
	type TileJob
} from '$lib/offline/tile-download';

const xyz = {
	source: 'xyz' as const,
	template: 'https://tiles.example.test/{z}/{x}/{y}.png',
	attribution: '',
	bulkDownload: true
};

/** Cache Storage's match/put over a Map; `room` puts fit before the disk is full. */
class FakeCache {
	entries = new Map<string, Response>();
	puts = 0;
	constructor(private room = Infinity) {}
	async match(request: RequestInfo | URL) {
		return this.entries.get(String(request));
	}
	async put(request: RequestInfo | URL, response: Response) {
		if (this.entries.size >= this.room)
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.puts++;
		this.entries.set(String(request), response);
	}
}

/** A tile server that answers every URL, slowly enough for jobs to overlap requests. */
function fakeFetch(options: { fail?: (url: string) => 'http' | 'network' | undefined } = {}) {
	const calls: string[] = [];
	let inFlight = 0;
	let maxInFlight = 0;
	const fetch = (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
		const url = String(input);
		calls.push(url);
		inFlight++;
		maxInFlight = Math.max(maxInFlight, inFlight);
		try {
			await new Promise((resolve) => setTimeout(resolve, 2));
			if (init?.signal?.aborted) throw new DOMException('aborted', 'AbortError');
			const failure = options.fail?.(url);
			if (failure === 'network') throw new TypeError('Failed to fetch');
			if (failure === 'http') return new Response('', { status: 404 });
			return new Response(new Uint8Array(100), {
				headers: { 'content-type': 'image/png', vary: 'Origin', 'access-control-allow-origin': '*' }
			});
		} finally {
			inFlight--;
		}
	}) as typeof globalThis.fetch;
	return { fetch, calls, maxInFlight: () => maxInFlight };
}

function newJob(zooms = [12, 13]): TileJob {
	return { zooms, lang: 'zh', next: 0, total: 0 };
}

function deps(cache: FakeCache, fetch: typeof globalThis.fetch, extra: Partial<JobDeps> = {}) {
	const saved: TileJob[] = [];
	return {
		saved,
		deps: {
			cache,
			fetch,
			save: async (job: TileJob) => void saved.push(job),
			...extra
		} satisfies JobDeps
	};
}

describe('the offline map download', () => {
	const urls = jobUrls(xyz, 'zh', [12, 13]);

	it('uses the cache the service worker reads tiles from', async () => {
		// The worker module expects a worker global; the page keeps its own copy of the name.
		Object.assign(globalThis, { self: globalThis });
		const { tileCache } = await import('$lib/sw/runtime-caches');
		expect(tileCacheName).toBe(tileCache);
	});

	it('lists one URL per tile and layer, two layers for Tianditu', () => {
		expect(urls).toHaveLength(34);
		expect(urls[0]).toBe('https://tiles.example.test/12/3373/1616.png');
		const tianditu = jobUrls(
			{ source: 'tianditu', tiandituKey: 'k', attribution: '', bulkDownload: true },
			'en',
			[12],
			{ bounds: districtBounds }
		);
		expect(tianditu).toHaveLength(18);
		expect(tianditu.filter((u) => u.includes('LAYER=eva'))).toHaveLength(9);
	});

	it('stores every tile with at most four requests at a time and reports 100 %', async () => {
		const cache = new FakeCache();
		const server = fakeFetch();
		const progress: number[] = [];
		const { deps: d, saved } = deps(cache, server.fetch, {
			onProgress: (done, total) => progress.push(Math.round((done / total) * 100))
		});
		const outcome = await runTileJob(urls, newJob(), d);
		expect(outcome).toMatchObject({ status: 'done', fetched: 34, skipped: 0, failed: 0 });
		expect(cache.entries.size).toBe(34);
		expect(server.maxInFlight()).toBe(4);
		expect(progress.at(-1)).toBe(100);
		expect(saved.at(-1)).toMatchObject({ next: 34, total: 34, finishedAt: expect.any(String) });
	});

	it('stores tiles without Vary, so the map’s own image requests find them', async () => {
		const cache = new FakeCache();
		await runTileJob(urls.slice(0, 1), newJob(), deps(cache, fakeFetch().fetch).deps);
		const stored = cache.entries.get(urls[0]);
		expect(stored?.headers.get('vary')).toBeNull();
		expect(stored?.headers.get('content-type')).toBe('image/png');
		expect((await stored?.blob())?.size).toBe(100);
	});

	it('resumes a cancelled download where it stopped, without fetching a cached tile again', async () => {
		const cache = new FakeCache();
		const server = fakeFetch();
		const abort = new AbortController();
		const first = deps(cache, server.fetch, {
			signal: abort.signal,
			onProgress: (done) => done >= 20 && abort.abort()
		});
		const stopped = await runTileJob(urls, newJob(), first.deps);
		expect(stopped.status).toBe('cancelled');
		expect(stopped.job.next).toBeGreaterThanOrEqual(20);
		expect(stopped.job.next).toBeLessThan(34);
		// Tiles fetched after the resume point (requests that were in flight) are in the cache too.
		const cachedBefore = cache.entries.size;
		expect(cachedBefore).toBeGreaterThanOrEqual(stopped.job.next);
		const alreadyCached = new Set(cache.entries.keys());
		const firstRunCalls = server.calls.length;

		const second = deps(cache, server.fetch);
		const resumed = await runTileJob(urls, stopped.job, second.deps);
		expect(resumed.status).toBe('done');
		expect(resumed.fetched).toBe(34 - cachedBefore);
		expect(resumed.skipped).toBe(cachedBefore - stopped.job.next);
		expect(cache.entries.size).toBe(34);
		// Nothing stored before was asked for again (requests cut off by the cancel were).
		const resumedCalls = server.calls.slice(firstRunCalls);
		expect(resumedCalls.filter((u) => alreadyCached.has(u))).toEqual([]);
		expect(resumedCalls).toHaveLength(34 - cachedBefore);
		expect(cache.puts).toBe(34);
	});

	it('skips tiles the map already cached while browsing', async () => {
		const cache = new FakeCache();
		for (const url of urls.slice(5, 15)) cache.entries.set(url, new Response('x'));
		const server = fakeFetch();
		const outcome = await runTileJob(urls, newJob(), deps(cache, server.fetch).deps);
		expect(outcome).toMatchObject({ status: 'done', fetched: 24, skipped: 10 });
		expect(server.calls.some((u) => urls.slice(5, 15).includes(u))).toBe(false);
	});

	it('stops at the first quota error, keeps the tiles already stored and says the disk is full', async () => {
		const cache = new FakeCache(10);
		const server = fakeFetch();
		const { deps: d, saved } = deps(cache, server.fetch);
		const outcome = await runTileJob(urls, newJob(), d);
		expect(outcome.status).toBe('full');
		expect(cache.entries.size).toBe(10);
		expect(outcome.saved).toBe(10);
		expect(outcome.job.next).toBeLessThanOrEqual(10);
		expect(saved.at(-1)).toEqual(outcome.job);
		// It stopped instead of downloading the rest into a full disk.
		expect(server.calls.length).toBeLessThan(10 + 4 + 1);
	});

	it('passes over tiles the server refuses and counts them', async () => {
		const cache = new FakeCache();
		const server = fakeFetch({ fail: (url) => (url.includes('/13/6747/') ? 'http' : undefined) });
		const outcome = await runTileJob(urls, newJob(), deps(cache, server.fetch).deps);
		expect(outcome).toMatchObject({ status: 'done', fetched: 29, failed: 5 });
	});

	it('stops when the network is gone and resumes from the first tile it could not get', async () => {
		const cache = new FakeCache();
		let offline = false;
		const server = fakeFetch({ fail: () => (offline ? 'network' : undefined) });
		const d = deps(cache, server.fetch, {
			onProgress: (done) => {
				if (done >= 12) offline = true;
			}
		}).deps;
		const outcome = await runTileJob(urls, newJob(), d);
		expect(outcome.status).toBe('offline');
		expect(outcome.job.next).toBeLessThanOrEqual(cache.entries.size);
		expect(outcome.job.next).toBeLessThan(34);
		offline = false;
		const resumed = await runTileJob(urls, outcome.job, deps(cache, server.fetch).deps);
		expect(resumed.status).toBe('done');
		expect(cache.entries.size).toBe(34);
	});
});

describe('the saved download job and the storage panel', () => {
	let db: GuideDb;
	let n = 0;
	beforeEach(() => {
		db = new GuideDb(`tile-job-${++n}`);
	});
	afterEach(() => db.close());

	it('keeps the job in the mirror’s meta table across page loads, apart from the content', async () => {
		expect(await loadTileJob(db)).toBeUndefined();
		await saveTileJob(db, { zooms: [12, 13], lang: 'en', next: 17, total: 34 });
		const reopened = new GuideDb(db.name);
		expect(await loadTileJob(reopened)).toEqual({
			zooms: [12, 13],
			lang: 'en',
			next: 17,
			total: 34
		});
		reopened.close();
		await clearTileJob(db);
		expect(await loadTileJob(db)).toBeUndefined();
	});

	it('measures the content mirror and the visitor’s own things separately', async () => {
		await db.venues.put({ id: 'v1', slug: 'lake', name: { zh: '太白湖' } } as never);
		await db.favourites.put({
			type: 'venues',
			id: 'v1',
			slug: 'lake',
			savedAt: '2026-11-28T10:00:00Z',
			seen: { title: '太白湖' }
		});
		const content = await contentUsage(db);
		expect(content.entries).toBe(1);
		// UTF-8: each Chinese character is three bytes.
		expect(content.bytes).toBeGreaterThan(JSON.stringify([{ name: '太白湖' }]).length);
		expect(await visitorUsage(db)).toMatchObject({ entries: 1 });
	});
});
