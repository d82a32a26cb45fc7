import { guideDb, liveQuery, type Observable } from './db';

/**
 * Stops a visitor has ticked off on a tour, kept on this device only. A stop is keyed by its
 * index in the tour's stop list, so if an editor reorders a tour, old ticks follow the index.
 */
function key(tourId: string, stop: number) {
	// Dexie's table type only knows the first part of the compound key [tourId+stop].
	return [tourId, stop] as never;
}

/** Ticks or unticks one stop; resolves to whether it is now visited. */
export async function setStopVisited(
	tourId: string,
	stop: number,
	visited: boolean
): Promise<boolean> {
	const table = guideDb().visitedStops;
	if (visited) await table.put({ tourId, stop, at: new Date().toISOString() });
	else await table.delete(key(tourId, stop));
	return visited;
}

/** Flips one stop; resolves to whether it is now visited. */
export async function toggleVisitedStop(tourId: string, stop: number): Promise<boolean> {
	const db = guideDb();
	return db.transaction('rw', db.visitedStops, async () =>
		setStopVisited(tourId, stop, !(await db.visitedStops.get(key(tourId, stop))))
	);
}

/** Unticks every stop of a tour, to walk it again. */
export async function clearVisitedStops(tourId: string): Promise<void> {
	await guideDb().visitedStops.where('tourId').equals(tourId).delete();
}

/** The ticked stop indexes of a tour, ascending and live across pages and tabs. */
export function visitedStops(tourId: string): Observable<number[]> {
	return liveQuery(async () =>
		(await guideDb().visitedStops.where('tourId').equals(tourId).toArray())
			.map((v) => v.stop)
			.sort((a, b) => a - b)
	);
}
