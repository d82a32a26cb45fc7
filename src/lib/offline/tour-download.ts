import type { Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import type { NarrationView } from '$lib/content/views/narration';
import { averageTileBytes, type Bounds } from '$lib/map/tile-math';
import { tileCache, tourCache } from '$lib/sw/cache-names';
import type { TourDownload } from './db';
import { photoEstimate, venuePhotoUrls, type Screen, type VenuePhotos } from './tour-photos';
import { jobUrls, runTileJob, type JobDeps, type JobStatus, type UrlJob } from './tile-download';

/**
 * "Download this tour": its recordings in the visitor's language and its photos (the lock-screen
 * pictures of its stops, and every photo of the venues its stops are at, at the width the venue
 * page will ask for on this screen: see tour-photos.ts) into the tour cache the service worker answers /media from, and, where
 * the tile source allows bulk download, the map around its path into the tile cache. The record
 * kept in the mirror says `ready` only once everything is stored: a cut or a full disk leaves it
 * `partial`, and running it again skips what is already cached.
 */

/** Street level around the path: enough to walk by, a few dozen tiles for a town walk. */
export const tourZooms = [13, 14, 15, 16] as const;

/** The stops' pictures are the smallest rendition (a lock-screen thumbnail): about this size. */
export const averagePhotoBytes = 25_000;

/** The map around the path reaches this far (degrees, about 500 m) beyond its ends. */
const margin = 0.005;

/** What a tour page knows of the tour: enough to plan its download. */
export interface TourSource {
	tour: { id: string; slug: string; name: string; path: [number, number][] };
	stops: {
		position: { lat: number; lon: number };
		narration: NarrationView;
		/** The venue the stop is at: its photo set, shown on its page. */
		venue?: VenuePhotos;
	}[];
	settings: MapSettings;
}

export interface TourDownloadPlan {
	key: string;
	tourId: string;
	slug: string;
	name: string;
	lang: Language;
	recordings: { url: string; bytes: number }[];
	/** The stops' lock-screen pictures, then the venues' photos. */
	photos: string[];
	tiles: string[];
	/** Bytes before downloading: recordings exactly, photos and tiles by their average. */
	estimate: number;
}

export function tourDownloadKey(tourId: string, lang: Language): string {
	return `${tourId}:${lang}`;
}

/** The tour's path and stops, with a margin: the map a visitor walks it with. */
export function tourBounds(source: TourSource): Bounds {
	const points = [
		...source.tour.path.map(([lon, lat]) => ({ lat, lon })),
		...source.stops.map((s) => s.position)
	];
	const lats = points.map((p) => p.lat);
	const lons = points.map((p) => p.lon);
	return {
		south: Math.min(...lats) - margin,
		north: Math.max(...lats) + margin,
		west: Math.min(...lons) - margin,
		east: Math.max(...lons) + margin
	};
}

/** A phone's screen, for plans made away from one (tests). */
const typicalScreen: Screen = { width: 400, dpr: 2 };

export function tourDownloadPlan(
	source: TourSource,
	lang: Language,
	retina = false,
	screen: Screen = typicalScreen
): TourDownloadPlan {
	const recordings = new Map<string, number>();
	// Each photo once, with its estimate: a lock-screen thumbnail, or a venue photo by its width.
	const photos = new Map<string, number>();
	for (const { narration } of source.stops) {
		if (narration.recording) recordings.set(narration.recording.url, narration.recording.bytes);
		if (narration.artwork) photos.set(narration.artwork.src, averagePhotoBytes);
	}
	for (const { venue } of source.stops) {
		for (const url of venue ? venuePhotoUrls(venue, screen) : []) {
			if (!photos.has(url)) photos.set(url, photoEstimate(url));
		}
	}
	const tiles =
		source.settings.bulkDownload && source.stops.length
			? jobUrls(source.settings, lang, tourZooms, { bounds: tourBounds(source), retina })
			: [];
	const list = [...recordings].map(([url, bytes]) => ({ url, bytes }));
	return {
		key: tourDownloadKey(source.tour.id, lang),
		tourId: source.tour.id,
		slug: source.tour.slug,
		name: source.tour.name,
		lang,
		recordings: list,
		photos: [...photos.keys()],
		tiles,
		estimate:
			list.reduce((sum, r) => sum + r.bytes, 0) +
			[...photos.values()].reduce((sum, bytes) => sum + bytes, 0) +
			tiles.length * averageTileBytes
	};
}

/** How a run ended: `ready` only when every recording, photo and map tile is stored. */
export type TourDownloadStatus = 'ready' | 'incomplete' | Exclude<JobStatus, 'done'>;

export interface TourDownloadOutcome {
	status: TourDownloadStatus;
	record: TourDownload;
}

export interface TourDownloadDeps {
	media: JobDeps<UrlJob>['cache'];
	tiles: JobDeps<UrlJob>['cache'];
	fetch: typeof fetch;
	save: (record: TourDownload) => Promise<void>;
	signal?: AbortSignal;
	onProgress?: (done: number, total: number) => void;
	/** Bytes the stored files take (read from the caches once all is there). */
	measure: (media: string[], tiles: string[]) => Promise<number>;
}

/**
 * Runs (or resumes) a tour's download: recordings and photos first (the tour is no use offline
 * without them), then its map. The record is saved `partial` before anything is fetched, so a
 * closed tab, a lost signal or a full disk never leaves anything that looks ready.
 */
export async function runTourDownload(
	plan: TourDownloadPlan,
	deps: TourDownloadDeps
): Promise<TourDownloadOutcome> {
	const media = [...plan.recordings.map((r) => r.url), ...plan.photos];
	const total = media.length + plan.tiles.length;
	const record: TourDownload = {
		key: plan.key,
		tourId: plan.tourId,
		slug: plan.slug,
		name: plan.name,
		lang: plan.lang,
		media,
		tiles: plan.tiles.length,
		tileUrls: plan.tiles,
		bytes: 0,
		state: 'partial',
		updatedAt: new Date().toISOString()
	};
	await deps.save(record);
	const run = (urls: string[], cache: TourDownloadDeps['media'], offset: number) =>
		runTileJob<UrlJob>(
			urls,
			{ next: 0, total: urls.length },
			{
				cache,
				fetch: deps.fetch,
				signal: deps.signal,
				save: async () => {},
				onProgress: (done) => deps.onProgress?.(offset + done, total)
			}
		);
	const stored = await run(media, deps.media, 0);
	if (stored.status !== 'done') return { status: stored.status, record };
	// A recording the server refused is not there to play: not ready, whatever else is stored.
	if (stored.failed) return { status: 'incomplete', record };
	const map = await run(plan.tiles, deps.tiles, media.length);
	// A missing tile at the edge of the source's coverage is no reason to refuse the tour.
	if (map.status !== 'done') return { status: map.status, record };
	const ready: TourDownload = {
		...record,
		bytes: await deps.measure(media, plan.tiles),
		state: 'ready',
		updatedAt: new Date().toISOString()
	};
	await deps.save(ready);
	return { status: 'ready', record: ready };
}

/** The bytes of the given URLs in a cache (bodies read once, after a download). */
export async function cachedBytes(
	cache: Pick<Cache, 'match'>,
	urls: readonly string[]
): Promise<number> {
	let bytes = 0;
	for (const url of urls) {
		const response = await cache.match(url);
		if (response) bytes += (await response.blob()).size;
	}
	return bytes;
}

export interface TourDownloadOptions {
	signal: AbortSignal;
	onProgress: (done: number, total: number) => void;
	save: (record: TourDownload) => Promise<void>;
}

/** Runs a tour's download in the page, into the caches the service worker answers from. */
export async function downloadTour(
	plan: TourDownloadPlan,
	options: TourDownloadOptions
): Promise<TourDownloadOutcome> {
	const media = await caches.open(tourCache);
	const tiles = await caches.open(tileCache);
	return runTourDownload(plan, {
		media,
		tiles,
		fetch: (input, init) => fetch(input, init),
		signal: options.signal,
		onProgress: options.onProgress,
		save: options.save,
		measure: async (mediaUrls, tileUrls) =>
			(await cachedBytes(media, mediaUrls)) + (await cachedBytes(tiles, tileUrls))
	});
}
