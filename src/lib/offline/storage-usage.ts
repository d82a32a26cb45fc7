import type { GuideDb } from './db';

export interface Usage {
	entries: number;
	bytes: number;
}

/**
 * How many responses a Cache Storage cache holds and what their bodies weigh. Reading every body
 * is not free, so this runs only when the storage panel asks for it.
 */
export async function cacheUsage(
	name: string,
	storage: CacheStorage = globalThis.caches
): Promise<Usage> {
	if (!storage || !(await storage.has(name))) return { entries: 0, bytes: 0 };
	const cache = await storage.open(name);
	const keys = await cache.keys();
	let bytes = 0;
	for (const request of keys) {
		const response = await cache.match(request);
		if (response) bytes += (await response.blob()).size;
	}
	return { entries: keys.length, bytes };
}

/** How many responses a cache holds, without reading them. */
export async function cacheEntries(
	name: string,
	storage: CacheStorage = globalThis.caches
): Promise<number> {
	if (!storage || !(await storage.has(name))) return 0;
	return (await (await storage.open(name)).keys()).length;
}

/**
 * Empties one runtime cache (images or map tiles). The service worker opens it again on its
 * next write, so browsing keeps working; the content mirror lives in IndexedDB and is untouched.
 */
export async function clearCache(
	name: string,
	storage: CacheStorage = globalThis.caches
): Promise<void> {
	await storage?.delete(name);
}

const encoder = new TextEncoder();

/**
 * The guide's content on this phone (venues, events, festivals, tours and their metadata):
 * records and an estimate of their size as UTF-8 JSON. IndexedDB's own overhead is not
 * reported by browsers per database, so this is a lower bound, close enough for a panel.
 */
export async function contentUsage(db: GuideDb): Promise<Usage> {
	const tables = [db.venues, db.events, db.festivals, db.tours, db.meta] as const;
	let entries = 0;
	let bytes = 0;
	for (const table of tables) {
		const rows: unknown[] = await table.toArray();
		if (table !== db.meta) entries += rows.length;
		bytes += encoder.encode(JSON.stringify(rows)).length;
	}
	return { entries, bytes };
}

/**
 * The visitor's own things: saved items, plans, visited tour stops and listening positions. Never
 * cleared here.
 */
export async function visitorUsage(db: GuideDb): Promise<Usage> {
	const tables = [db.favourites, db.plans, db.visitedStops, db.listening] as const;
	let entries = 0;
	let bytes = 0;
	for (const table of tables) {
		const rows: unknown[] = await table.toArray();
		// Listening positions take room but are not things the visitor saved: not counted as items.
		if (table !== db.listening) entries += rows.length;
		bytes += encoder.encode(JSON.stringify(rows)).length;
	}
	return { entries, bytes };
}
