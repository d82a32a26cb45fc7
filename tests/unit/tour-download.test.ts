import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { NarrationView } from '$lib/content/views/narration';
import { averageTileBytes } from '$lib/map/tile-math';
import type { TourDownload } from '$lib/offline/db';
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
