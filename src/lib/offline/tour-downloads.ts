import { tourCache } from '$lib/sw/cache-names';
import { guideDb, liveQuery, type Observable, type TourDownload } from './db';
import { isQuotaError } from './storage';

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
 * downloaded tour (the other language, a tour sharing a venue) still needs them. Map tiles stay
 * with the map area, which the map's own clear button empties.
 */
export async function removeTourDownload(key: string): Promise<void> {
	const db = guideDb();
	const record = await db.tourDownloads.get(key);
	if (!record) return;
	const others = (await db.tourDownloads.toArray()).filter((r) => r.key !== key);
	const needed = new Set(others.flatMap((r) => r.media));
	// The record goes first: a removal cut short leaves unused bytes, never a tour shown as
	// downloaded whose recordings are gone.
	await db.tourDownloads.delete(key);
	if (typeof caches === 'undefined') return;
	const cache = await caches.open(tourCache);
	for (const url of record.media) if (!needed.has(url)) await cache.delete(url);
}
