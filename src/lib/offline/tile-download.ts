import type { Language } from '$lib/content/localized';
import { districtBounds, tileLayers, type MapSettings } from '$lib/content/map-settings';
import { tilesIn, tileUrl, type Bounds } from '$lib/map/tile-math';
import { tileCache } from '$lib/sw/cache-names';
import type { GuideDb } from './db';
import { isQuotaError } from './storage';

/** The cache the download writes tiles to: the one the service worker serves them from. */
export const tileCacheName = tileCache;

/**
 * A download of the district's map, persisted in the mirror's meta table so that it survives a
 * closed tab or a lost signal: the zooms and language fix the list of tile URLs, `next` is the
 * position before which every tile is done. Resuming starts there and skips whatever is cached.
 */
export interface TileJob {
	zooms: number[];
	lang: Language;
	next: number;
	total: number;
	finishedAt?: string;
}

export type JobStatus = 'done' | 'cancelled' | 'full' | 'offline';

/** What a job of URLs keeps to resume: `next` is the position before which every URL is done. */
export interface UrlJob {
	next: number;
	total: number;
	finishedAt?: string;
}

export interface JobOutcome<J extends UrlJob = TileJob> {
	status: JobStatus;
	/** The job as saved: `next` is where a resume starts. */
	job: J;
	fetched: number;
	skipped: number;
	failed: number;
	/** Tiles in the cache for this job: those before the start, plus fetched and found ones. */
	saved: number;
}

export interface JobDeps<J extends UrlJob = TileJob> {
	cache: Pick<Cache, 'match' | 'put'>;
	fetch: typeof fetch;
	save: (job: J) => Promise<void>;
	signal?: AbortSignal;
	/** Parallel requests: few enough to be polite to the tile server and a weak signal. */
	concurrency?: number;
	onProgress?: (done: number, total: number) => void;
}

/**
 * The tile URLs of a download, one per tile and layer (Tianditu: the base map and the labels in
 * the visitor's language), built exactly as the map builds them so the map finds them cached.
 */
export function jobUrls(
	settings: MapSettings,
	lang: Language,
	zooms: readonly number[],
	{ bounds = districtBounds, retina = false }: { bounds?: Bounds; retina?: boolean } = {}
): string[] {
	const layers = tileLayers(settings, lang);
	return tilesIn(bounds, zooms).flatMap((tile) =>
		layers.map((layer) => tileUrl(layer.url, tile, layer.subdomains ?? 'abc', retina))
	);
}

// After this many network failures in a row the signal is gone: stop and let the visitor resume.
const offlineAfter = 8;
// Save the resume point every this many tiles, not on every one.
const saveEvery = 16;

class Stop extends Error {
	constructor(readonly status: Exclude<JobStatus, 'done'>) {
		super(status);
	}
}

/**
 * Runs (or resumes) a job: fetches the missing tiles (or a tour's recordings and photos) a few
 * at a time and stores each in the cache the service worker answers from. Stops when cancelled, when the network is gone, or at the first
 * quota error, keeping every tile already stored; the content mirror is never touched. A tile the
 * server refuses (404 at the edge of its coverage) counts as failed and is passed over.
 */
export async function runTileJob<J extends UrlJob = TileJob>(
	urls: readonly string[],
	start: J,
	deps: JobDeps<J>
): Promise<JobOutcome<J>> {
	const { cache, signal, concurrency = 4 } = deps;
	const total = urls.length;
	let cursor = Math.min(start.next, total);
	let next = cursor;
	const finished = new Set<number>();
	let done = cursor;
	let fetched = 0;
	let skipped = 0;
	let failed = 0;
	let errorsInARow = 0;
	let stop: Stop | undefined;
	let lastSaved = next;

	const job = (): J => ({ ...start, total, next });
	deps.onProgress?.(done, total);

	async function one(url: string): Promise<'fetched' | 'skipped' | 'failed' | 'unreachable'> {
		if (await cache.match(url)) return 'skipped';
		let response: Response;
		try {
			response = await deps.fetch(url, { mode: 'cors', credentials: 'omit', signal });
		} catch {
			if (signal?.aborted) throw new Stop('cancelled');
			if (++errorsInARow >= offlineAfter) throw new Stop('offline');
			return 'unreachable';
		}
		errorsInARow = 0;
		if (!response.ok) return 'failed';
		try {
			await cache.put(url, await storable(response));
		} catch (error) {
			if (isQuotaError(error)) throw new Stop('full');
			throw error;
		}
		return 'fetched';
	}

	async function worker(): Promise<void> {
		while (!stop && cursor < total) {
			if (signal?.aborted) {
				stop = new Stop('cancelled');
				break;
			}
			const index = cursor++;
			try {
				const result = await one(urls[index]);
				if (result === 'fetched') fetched++;
				else if (result === 'skipped') skipped++;
				else failed++;
				// A tile the network did not answer stays before the resume point, to be tried again.
				if (result !== 'unreachable') finished.add(index);
			} catch (error) {
				if (!(error instanceof Stop)) throw error;
				stop ??= error;
				break;
			}
			while (finished.delete(next)) next++;
			deps.onProgress?.(++done, total);
			if (next - lastSaved >= saveEvery) {
				lastSaved = next;
				await deps.save(job());
			}
		}
	}

	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
	const status: JobStatus = stop?.status ?? 'done';
	const final: J =
		status === 'done' ? { ...job(), next: total, finishedAt: new Date().toISOString() } : job();
	await deps.save(final);
	const before = Math.min(start.next, total);
	return { status, job: final, fetched, skipped, failed, saved: before + fetched + skipped };
}

/**
 * The tile as the cache should keep it: body and type only. A CORS tile server often answers
 * `Vary: Origin`; the map's image requests carry an Origin header that this page-made cache key
 * lacks, so with the Vary kept every lookup by the service worker would miss.
 */
async function storable(response: Response): Promise<Response> {
	const type = response.headers.get('content-type');
	return new Response(await response.blob(), {
		status: 200,
		headers: type ? { 'content-type': type } : {}
	});
}

export interface DownloadOptions {
	/** Leaflet fills a template's {r} with @2x on high-density screens. */
	retina: boolean;
	signal: AbortSignal;
	onProgress: (done: number, total: number) => void;
	onSaved: (job: TileJob) => void;
	/** Keeps the resume point (in the mirror). */
	save: (job: TileJob) => Promise<void>;
}

/**
 * Runs (or resumes) a download in the page: the district's tiles at the job's zooms into the
 * service worker's tile cache, the resume point saved through `save` as it advances.
 */
export async function downloadTiles(
	settings: MapSettings,
	start: TileJob,
	options: DownloadOptions
): Promise<JobOutcome> {
	const urls = jobUrls(settings, start.lang, start.zooms, { retina: options.retina });
	options.onProgress(Math.min(start.next, urls.length), urls.length);
	return runTileJob(urls, start, {
		cache: await caches.open(tileCacheName),
		fetch: (input, init) => fetch(input, init),
		signal: options.signal,
		onProgress: options.onProgress,
		save: async (job) => {
			options.onSaved(job);
			// With the disk full even this small write can fail; the cache check covers a resume.
			await options.save(job).catch((error) => {
				if (!isQuotaError(error)) throw error;
			});
		}
	});
}

/** The last download, finished or not. */
export async function loadTileJob(db: GuideDb): Promise<TileJob | undefined> {
	return (await db.meta.get('tileJob'))?.value as TileJob | undefined;
}

export async function saveTileJob(db: GuideDb, job: TileJob): Promise<void> {
	await db.meta.put({ key: 'tileJob', value: job });
}

export async function clearTileJob(db: GuideDb): Promise<void> {
	await db.meta.delete('tileJob');
}
