import { walkIsCurrent, type StoredWalk } from '$lib/content/walk-up';
import { guideDb } from './db';

/**
 * The tour walk a visitor is on, kept on the phone (Dexie version 8, `tourWalks`) so that the
 * walk-up rule's "never twice for one stop" outlives a reload or a browser restart mid-walk. One
 * walk per tour: starting the walk again explicitly replaces it (every stop may play again),
 * ending it deletes it. Visitor data: sync never touches it.
 */

/** The walk under way on this tour, if any (one left for too long is over: see walkIsCurrent). */
export async function currentTourWalk(tourId: string): Promise<StoredWalk | undefined> {
	const walk = await guideDb().tourWalks.get(tourId);
	return walk && walkIsCurrent(walk, Date.now()) ? walk : undefined;
}

/** A new walk: no stop has started on it yet. */
export async function beginTourWalk(tourId: string): Promise<StoredWalk> {
	const now = new Date().toISOString();
	const walk: StoredWalk = { tourId, startedAt: now, updatedAt: now, started: [] };
	await guideDb().tourWalks.put(walk);
	return walk;
}

/**
 * Records that a stop's narration started on the current walk; resolves to the stops started so
 * far. Read and written in one transaction, so two tabs never lose each other's stop.
 */
export async function markWalkUpStarted(tourId: string, stop: number): Promise<number[]> {
	const db = guideDb();
	return db.transaction('rw', db.tourWalks, async () => {
		const now = new Date().toISOString();
		const walk = (await db.tourWalks.get(tourId)) ?? {
			tourId,
			startedAt: now,
			updatedAt: now,
			started: []
		};
		const started = walk.started.includes(stop) ? walk.started : [...walk.started, stop];
		await db.tourWalks.put({ ...walk, started, updatedAt: now });
		return started;
	});
}

/** The visitor ended the walk (or finished it): the next one starts afresh. */
export async function endTourWalk(tourId: string): Promise<void> {
	await guideDb().tourWalks.delete(tourId);
}
