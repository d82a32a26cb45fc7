import { guideDb, liveQuery, type Favourite, type Observable } from './db';

/** Saves or un-saves a record on this device; nothing leaves the phone. */
export async function toggleFavourite(favourite: Omit<Favourite, 'savedAt'>): Promise<boolean> {
	const db = guideDb();
	const key: [string, string] = [favourite.type, favourite.id];
	return db.transaction('rw', db.favourites, async () => {
		if (await db.favourites.get(key as never)) {
			await db.favourites.delete(key as never);
			return false;
		}
		await db.favourites.put({ ...favourite, savedAt: new Date().toISOString() });
		return true;
	});
}

/** Whether a record is saved, live: every tab and page updates when it changes. */
export function isFavourite(type: Favourite['type'], id: string): Observable<boolean> {
	return liveQuery(async () => !!(await guideDb().favourites.get([type, id] as never)));
}

export function favourites(): Observable<Favourite[]> {
	return liveQuery(() => guideDb().favourites.orderBy('savedAt').toArray());
}
