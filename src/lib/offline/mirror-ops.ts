import { liveQuery, type Observable } from 'dexie';
import { guideDb, type Favourite, type SyncMeta } from './db';
import { isFavourite, toggleFavourite } from './favourites';
import { dismissSavedChanges, type SavedChange } from './saved-changes';
import { syncExclusive, type SyncResult } from './sync';
import { clearVisitedStops, setStopVisited, visitedStops } from './visited-stops';

/** What the page shows about the mirror: its revision and freshness, and news about saved things. */
export interface MirrorStatus {
	meta: SyncMeta | undefined;
	saved: SavedChange[];
	/** Ids of the bureau notices the visitor dismissed on this phone. */
	dismissedNotices: string[];
}

/**
 * Everything the page asks of the mirror while it loads, run where Dexie lives: in the mirror's
 * worker (see mirror.worker.ts), or in the page itself where workers are unavailable. Keeping
 * Dexie off the page's main thread at start-up spares every first paint its ~100 KB of script.
 * Commands answer once; queries are live and answer again whenever any tab changes their data.
 */
export const commands = {
	async sync(): Promise<SyncResult> {
		const outcome = await syncExclusive();
		if (outcome.status === 'updated' && outcome.result.saved.length) {
			await announce(outcome.result.saved);
		}
		return outcome;
	},
	toggleFavourite: (favourite: Omit<Favourite, 'savedAt'>): Promise<boolean> =>
		toggleFavourite(favourite),
	dismissSavedChanges,
	dismissNotice,
	setStopVisited: (tick: { tourId: string; stop: number; visited: boolean }): Promise<boolean> =>
		setStopVisited(tick.tourId, tick.stop, tick.visited),
	clearVisitedStops
};

export const queries = {
	status: (): Observable<MirrorStatus> =>
		liveQuery(async () => {
			const db = guideDb();
			const [meta, notice, dismissed] = await Promise.all([
				db.meta.get('sync'),
				db.meta.get('notice'),
				db.meta.get('dismissedNotices')
			]);
			return {
				meta: meta?.value as SyncMeta | undefined,
				saved: (notice?.value as SavedChange[] | undefined) ?? [],
				dismissedNotices: (dismissed?.value as string[] | undefined) ?? []
			};
		}),
	favourite: (key: { type: Favourite['type']; id: string }): Observable<boolean> =>
		isFavourite(key.type, key.id),
	visitedStops
};

export type Commands = typeof commands;
export type Queries = typeof queries;

/**
 * Remembers that the visitor closed a bureau notice, on this phone, across reloads. Ids of notices
 * gone from the mirror are dropped, so the list never grows past the notices there are.
 */
async function dismissNotice(id: string): Promise<void> {
	const db = guideDb();
	await db.transaction('rw', [db.meta, db.notices], async () => {
		const known = new Set(await db.notices.toCollection().primaryKeys());
		const previous = ((await db.meta.get('dismissedNotices'))?.value as string[] | undefined) ?? [];
		const kept = previous.filter((p) => p !== id && known.has(p));
		await db.meta.put({ key: 'dismissedNotices', value: [...kept, id] });
	});
}

/** Keeps the news until the visitor dismisses it, across reloads and tabs. */
async function announce(changes: SavedChange[]) {
	const db = guideDb();
	await db.transaction('rw', db.meta, async () => {
		const previous = ((await db.meta.get('notice'))?.value as SavedChange[] | undefined) ?? [];
		const merged = [...previous.filter((p) => !changes.some((c) => c.id === p.id)), ...changes];
		await db.meta.put({ key: 'notice', value: merged });
	});
}
