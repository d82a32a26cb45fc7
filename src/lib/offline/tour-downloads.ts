import type { MapSettings } from '$lib/content/map-settings';
import { tileCache, tourCache } from '$lib/sw/cache-names';
import { guideDb, liveQuery, type GuideDb, type Observable, type TourDownload } from './db';
import { isQuotaError } from './storage';
import { jobUrls, loadTileJob } from './tile-download';

/**
 * The mirror's record of downloaded tours (their bytes are in the tour cache). Kept with the
 * visitor's own data: sync never touches it.
 */
export function tourDownloads(): Observable<TourDownload[]> {
	return liveQuery(() => guideDb().tourDownloads.orderBy('key').toArray());
}

export async function saveTourDownload(record: TourDownload): Promise<void> {
	try {
		await guideDb().tourDownloads.put(record);
	} catch (error) {
		// With the disk full even this small write can fail. A record never written is never
		// shown as ready; the cache check makes the next run resume.
		if (!isQuotaError(error)) throw error;
	}
}

/**
 * Removes a downloaded tour: its recordings and photos leave the tour cache unless another
 * downloaded tour (the other language, a tour sharing a venue) still needs them, and its map
 * tiles leave the tile cache unless another tour or the offline map area still needs them.
 */
export async function removeTourDownload(key: string): Promise<void> {
	const db = guideDb();
	const record = await db.tourDownloads.get(key);
	if (!record) return;
	const others = (await db.tourDownloads.toArray()).filter((r) => r.key !== key);
	const neededMedia = new Set(others.flatMap((r) => r.media));
	const neededTiles = new Set([
		...others.flatMap((r) => r.tileUrls ?? []),
		...(await areaTiles(db))
	]);
	// The record goes first: a removal cut short leaves unused bytes, never a tour shown as
	// downloaded whose recordings are gone.
	await db.tourDownloads.delete(key);
	if (typeof caches === 'undefined') return;
	const media = await caches.open(tourCache);
	for (const url of record.media) if (!neededMedia.has(url)) await media.delete(url);
	const tiles = await caches.open(tileCache);
	for (const url of record.tileUrls ?? []) if (!neededTiles.has(url)) await tiles.delete(url);
}

/**
 * The tiles of the offline map area (finished or to be resumed), for both pixel densities: the
 * job does not say which the screen had, and keeping a tile too many beats losing one.
 */
async function areaTiles(db: GuideDb): Promise<string[]> {
	const job = await loadTileJob(db);
	const settings = (await db.meta.get('settings'))?.value as { map?: MapSettings } | undefined;
	if (!job || !settings?.map) return [];
	const map = settings.map;
	return [false, true].flatMap((retina) => jobUrls(map, job.lang, job.zooms, { retina }));
}
