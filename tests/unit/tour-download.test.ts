import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { NarrationView } from '$lib/content/views/narration';
import { averageTileBytes } from '$lib/map/tile-math';
import type { TourDownload } from '$lib/offline/db';
import { photoEstimate, renditionFor, venuePhotoUrls } from '$lib/offline/tour-photos';
import { removeTourDownload } from '$lib/offline/tour-downloads';
import { guideDb } from '$lib/offline/db';
import { jobUrls } from '$lib/offline/tile-download';
import { storedRendition } from '$lib/sw/stored-rendition';
import { afterEach, vi } from 'vitest';
import {
	averagePhotoBytes,
	cachedBytes,
	runTourDownload,
	tourDownloadPlan,
	type TourSource
} from '$lib/offline/tour-download';

const xyz = {
	source: 'xyz' as const,
	template: 'https://tiles.example.test/{z}/{x}/{y}.png',
	attribution: '',
	bulkDownload: true
};

function narration(n: number, recorded: boolean): NarrationView {
	return {
		key: `tours:t:${n}`,
		title: `Stop ${n}`,
		text: 'text',
		textLanguage: 'zh',
		recording: recorded
			? { url: `/media/${String(n).repeat(20)}.mp3`, durationS: 60, language: 'zh', bytes: 4_000 }
			: undefined,
		artwork: { src: `/media/photo${n}-160.webp`, width: 160, height: 120 }
	};
}

/** Two stops 500 m apart with recordings, a third without, sharing the first one's picture. */
const source: TourSource = {
	tour: {
		id: 't',
		slug: 'walk',
		name: 'A walk',
		path: [
			[116.58, 35.41],
			[116.585, 35.41]
		]
	},
	stops: [
		{ position: { lat: 35.41, lon: 116.58 }, narration: narration(1, true) },
		{ position: { lat: 35.41, lon: 116.585 }, narration: narration(2, true) },
		{
			position: { lat: 35.41, lon: 116.585 },
			narration: { ...narration(3, false), artwork: narration(1, true).artwork }
		}
	],
	settings: xyz
};

/** Cache Storage's match/put over a Map; `room` puts fit before the disk is full. */
class FakeCache {
	entries = new Map<string, Response>();
	constructor(private room = Infinity) {}
	async match(request: RequestInfo | URL) {
		return this.entries.get(String(request))?.clone();
	}
	async put(request: RequestInfo | URL, response: Response) {
		if (this.entries.size >= this.room)
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		this.entries.set(String(request), response);
	}
}

function server(fail: (url: string) => boolean = () => false) {
	const calls: string[] = [];
	const fetch = (async (input: RequestInfo | URL) => {
		const url = String(input);
		calls.push(url);
		if (fail(url)) return new Response('', { status: 404 });
		return new Response(new Uint8Array(url.includes('.mp3') ? 4_000 : 100), {
			headers: { 'content-type': url.includes('.mp3') ? 'audio/mpeg' : 'image/png' }
		});
	}) as typeof globalThis.fetch;
	return { fetch, calls };
}

function run(media: FakeCache, tiles: FakeCache, fetch: typeof globalThis.fetch) {
	const saved: TourDownload[] = [];
	const progress: [number, number][] = [];
	const outcome = runTourDownload(tourDownloadPlan(source, 'zh'), {
		media,
		tiles,
		fetch,
		save: async (record) => {
			saved.push(record);
		},
		onProgress: (done, total) => progress.push([done, total]),
		measure: async (mediaUrls, tileUrls) =>
			(await cachedBytes(media, mediaUrls)) + (await cachedBytes(tiles, tileUrls))
	});
	return { outcome, saved, progress };
}

describe('downloading a tour', () => {
	it('plans its recordings in the visitor’s language, its pictures once each, and the map around its path, with an estimate', () => {
		const plan = tourDownloadPlan(source, 'zh');
		expect(plan.key).toBe('t:zh');
		expect(plan.recordings.map((r) => r.url)).toEqual([
			'/media/11111111111111111111.mp3',
			'/media/22222222222222222222.mp3'
		]);
		expect(plan.photos).toEqual(['/media/photo1-160.webp', '/media/photo2-160.webp']);
		expect(plan.tiles.length).toBeGreaterThan(10);
		expect(plan.tiles.every((url) => /tiles\.example\.test\/1[3-6]\//.test(url))).toBe(true);
		expect(plan.estimate).toBe(
			8_000 + 2 * averagePhotoBytes + plan.tiles.length * averageTileBytes
		);
	});

	it('plans no map where the tile source forbids bulk download', () => {
		const plan = tourDownloadPlan({ ...source, settings: { ...xyz, bulkDownload: false } }, 'zh');
		expect(plan.tiles).toEqual([]);
		expect(plan.recordings).toHaveLength(2);
	});

	it('stores recordings and pictures in the tour cache and the map in the tile cache, and only then says ready', async () => {
		const media = new FakeCache();
		const tiles = new FakeCache();
		const { fetch } = server();
		const { outcome, saved, progress } = run(media, tiles, fetch);
		const result = await outcome;
		expect(result.status).toBe('ready');
		expect([...media.entries.keys()].sort()).toEqual([
			'/media/11111111111111111111.mp3',
			'/media/22222222222222222222.mp3',
			'/media/photo1-160.webp',
			'/media/photo2-160.webp'
		]);
		expect(tiles.entries.size).toBe(tourDownloadPlan(source, 'zh').tiles.length);
		expect(saved.map((r) => r.state)).toEqual(['partial', 'ready']);
		// Four recordings' and pictures' bytes as stored, and 100 bytes per (test) tile.
		expect(result.record.bytes).toBe(8_200 + tiles.entries.size * 100);
		expect(progress.at(-1)).toEqual([4 + tiles.entries.size, 4 + tiles.entries.size]);
	});

	it('stops at a full disk with the tour not ready, and resumes later without fetching what is stored', async () => {
		const media = new FakeCache(2);
		const tiles = new FakeCache();
		const first = server();
		const full = run(media, tiles, first.fetch);
		const result = await full.outcome;
		expect(result.status).toBe('full');
		expect(full.saved.every((r) => r.state === 'partial')).toBe(true);
		expect(tiles.entries.size).toBe(0);

		// Space freed: the second run fetches only the two files the first could not keep.
		const roomy = new FakeCache();
		for (const [url, response] of media.entries) await roomy.put(url, response);
		const second = server();
		const again = run(roomy, tiles, second.fetch);
		expect((await again.outcome).status).toBe('ready');
		const mediaFetched = second.calls.filter((url) => url.startsWith('/media/'));
		expect(mediaFetched).toHaveLength(2);
		expect(mediaFetched.some((url) => media.entries.has(url))).toBe(false);
	});

	it('is not ready when a recording cannot be fetched', async () => {
		const { fetch } = server((url) => url.endsWith('22222222222222222222.mp3'));
		const { outcome, saved } = run(new FakeCache(), new FakeCache(), fetch);
		expect((await outcome).status).toBe('incomplete');
		expect(saved.map((r) => r.state)).toEqual(['partial']);
	});
});

/** A venue with three photos, each made at 480, 960 and 1600 px (the first also at 1200). */
const venue = {
	photos: [
		{ src: '/media/aaaa', widths: [480, 960, 1200, 1600] },
		{ src: '/media/bbbb', widths: [960, 480, 1600] },
		{ src: '/media/cccc', widths: [480] }
	]
};

describe('the venues’ photos in a tour download', () => {
	it('takes of each photo the rendition the venue page asks for on this screen', () => {
		expect(renditionFor([480, 960, 1600], 541)).toBe(960);
		expect(renditionFor([480, 960, 1600], 3000)).toBe(1600);
		expect(renditionFor([], 500)).toBeUndefined();
		// A phone 412 px wide at 2.625 device pixels: the first photo across the page (1082 px),
		// the others two to a row (541 px); a photo with one rendition has that one.
		expect(venuePhotoUrls(venue, { width: 412, dpr: 2.625 })).toEqual([
			'/media/aaaa-1200.webp',
			'/media/bbbb-960.webp',
			'/media/cccc-480.webp'
		]);
		// A wide screen at 1×: the page's column is 736 px, a gallery photo 368.
		expect(venuePhotoUrls(venue, { width: 1400, dpr: 1 })).toEqual([
			'/media/aaaa-960.webp',
			'/media/bbbb-480.webp',
			'/media/cccc-480.webp'
		]);
	});

	it('plans every photo of the stops’ venues once, after the stops’ pictures, and counts them in the estimate', () => {
		const withVenues: TourSource = {
			...source,
			// Two stops at the same venue: its photos once.
			stops: source.stops.map((stop, i) => (i < 2 ? { ...stop, venue } : stop))
		};
		const plain = tourDownloadPlan(source, 'zh');
		const plan = tourDownloadPlan(withVenues, 'zh', false, { width: 412, dpr: 2.625 });
		const venueUrls = ['/media/aaaa-1200.webp', '/media/bbbb-960.webp', '/media/cccc-480.webp'];
		expect(plan.photos).toEqual([...plain.photos, ...venueUrls]);
		expect(plan.estimate).toBe(
			plain.estimate + venueUrls.reduce((sum, url) => sum + photoEstimate(url), 0)
		);
		// A 960 px photo is estimated at about four 480 px ones.
		expect(photoEstimate('/media/bbbb-960.webp')).toBe(4 * photoEstimate('/media/cccc-480.webp'));
	});

	it('is ready only when the venues’ photos are stored too', async () => {
		const withVenues: TourSource = { ...source, stops: [{ ...source.stops[0], venue }] };
		const plan = tourDownloadPlan(withVenues, 'zh', false, { width: 412, dpr: 2.625 });
		const media = new FakeCache();
		const { fetch } = server((url) => url === '/media/bbbb-960.webp');
		const deps = {
			media,
			tiles: new FakeCache(),
			fetch,
			save: async () => {},
			measure: async () => 0
		};
		expect((await runTourDownload(plan, deps)).status).toBe('incomplete');
		const served = server();
		const again = await runTourDownload(plan, { ...deps, fetch: served.fetch });
		expect(again.status).toBe('ready');
		expect(again.record.media).toEqual(expect.arrayContaining(plan.photos));
		// The resume fetched only the photo the first run could not get.
		expect(served.calls.filter((url) => url.startsWith('/media/'))).toEqual([
			'/media/bbbb-960.webp'
		]);
	});

	it('answers a photo asked at another width offline with the widest rendition stored', async () => {
		const cache = new FakeCache();
		const base = 'http://guide.test';
		await cache.put(`${base}/media/aaaa-480.webp`, new Response('small'));
		await cache.put(`${base}/media/aaaa-960.webp`, new Response('middle'));
		await cache.put(`${base}/media/bbbb-1600.webp`, new Response('other photo'));
		const keyed = Object.assign(cache, {
			keys: async () => [...cache.entries.keys()].map((url) => new Request(url))
		});
		const found = await storedRendition(keyed, `${base}/media/aaaa-1600.webp`);
		expect(await found?.text()).toBe('middle');
		expect(await storedRendition(keyed, `${base}/media/cccc-960.webp`)).toBeUndefined();
		expect(await storedRendition(keyed, `${base}/media/1111.mp3`)).toBeUndefined();
	});
});

/** Cache Storage over FakeCaches, with delete, for what removal does to the caches. */
function fakeCaches() {
	const all = new Map<string, FakeCache & { delete(url: string): Promise<boolean> }>();
	return {
		all,
		open: async (name: string) => {
			if (!all.has(name)) {
				const cache = Object.assign(new FakeCache(), {
					async delete(url: string) {
						return cache.entries.delete(url);
					}
				});
				all.set(name, cache);
			}
			return all.get(name)!;
		}
	};
}

const record = (key: string, media: string[], tileUrls: string[]): TourDownload => ({
	key,
	tourId: key.split(':')[0],
	slug: key,
	name: key,
	lang: 'zh',
	media,
	tiles: tileUrls.length,
	tileUrls,
	bytes: 0,
	state: 'ready',
	updatedAt: '2026-12-07T10:00:00Z'
});

describe('removing a downloaded tour', () => {
	afterEach(async () => {
		vi.unstubAllGlobals();
		await Promise.all(guideDb().tables.map((table) => table.clear()));
	});

	it('removes its files and map tiles but keeps those another tour or the map area still needs', async () => {
		const stores = fakeCaches();
		vi.stubGlobal('caches', stores);
		const db = guideDb();
		// The map area: the district at zoom 11, whose tiles a tour's tile may be one of.
		await db.meta.put({ key: 'settings', value: { map: xyz } });
		await db.meta.put({ key: 'tileJob', value: { zooms: [11], lang: 'zh', next: 0, total: 0 } });
		const areaTile = jobUrls(xyz, 'zh', [11])[0];
		const mine = record(
			'a:zh',
			['/media/a.mp3', '/media/shared.webp'],
			['https://tiles.example.test/16/1/1.png', 'https://tiles.example.test/16/1/2.png', areaTile]
		);
		const other = record('b:zh', ['/media/shared.webp'], ['https://tiles.example.test/16/1/2.png']);
		await db.tourDownloads.bulkPut([mine, other]);
		const media = await stores.open('tours-v1');
		const tiles = await stores.open('map-tiles-v1');
		for (const url of mine.media) await media.put(url, new Response('x'));
		for (const url of mine.tileUrls!) await tiles.put(url, new Response('x'));
		await tiles.put('https://tiles.example.test/15/9/9.png', new Response('browsed'));

		await removeTourDownload('a:zh');
		expect(await db.tourDownloads.get('a:zh')).toBeUndefined();
		expect([...media.entries.keys()]).toEqual(['/media/shared.webp']);
		expect([...tiles.entries.keys()].sort()).toEqual(
			[
				'https://tiles.example.test/16/1/2.png',
				areaTile,
				'https://tiles.example.test/15/9/9.png'
			].sort()
		);
	});

	it('removes every tile of its own when nothing else needs them', async () => {
		const stores = fakeCaches();
		vi.stubGlobal('caches', stores);
		const mine = record('a:zh', [], ['https://tiles.example.test/16/1/1.png']);
		await guideDb().tourDownloads.put(mine);
		const tiles = await stores.open('map-tiles-v1');
		await tiles.put('https://tiles.example.test/16/1/1.png', new Response('x'));
		await removeTourDownload('a:zh');
		expect(tiles.entries.size).toBe(0);
	});
});
