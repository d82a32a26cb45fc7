import type { ContentData } from '$lib/content/snapshot';
import type { Plan } from '$lib/planner/plan';
import {
	guideDb,
	liveQuery,
	type Favourite,
	type Observable,
	type SyncMeta,
	type TourDownload
} from './db';
import { favourites, isFavourite, toggleFavourite } from './favourites';
import { dismissHint, hintDismissed } from './hints';
import { listeningPosition, rememberListening } from './listening';
import { loadViewCode, localContent, localView } from './local-views';
import { deletePlan, loadPlan, planFor, planList, savePlan } from './plans';
import {
	emergencyNoticesDue,
	markShown,
	reminderSettings,
	remindersDue,
	setLeadTime,
	setRemindersOn
} from './reminders';
import { dismissSavedChanges, type SavedChange } from './saved-changes';
import { storageUse } from './storage';
import {
	cacheEntries,
	cacheUsage,
	clearCache,
	contentUsage,
	visitorUsage,
	type Usage
} from './storage-usage';
import { syncExclusive, type SyncResult } from './sync';
import { clearTileJob, loadTileJob, saveTileJob, type TileJob } from './tile-download';
import { removeTourDownload, saveTourDownload, tourDownloads } from './tour-downloads';
import { beginTourWalk, currentTourWalk, endTourWalk, markWalkUpStarted } from './tour-walks';
import { clearVisitedStops, setStopVisited, visitedStops } from './visited-stops';
import { setWalkUpMode, walkUpMode, type WalkUpMode } from './walk-up-setting';

/** What the page shows about the mirror: its revision and freshness, and news about saved things. */
export interface MirrorStatus {
	meta: SyncMeta | undefined;
	saved: SavedChange[];
	/** Ids of the bureau notices the visitor dismissed on this phone. */
	dismissedNotices: string[];
}

/**
 * Everything a page asks of the phone's data, run where Dexie lives: in the mirror's worker (see
 * mirror.worker.ts), or in the page itself where workers are unavailable (client.ts). Keeping
 * Dexie, the sync and the views off the page's main thread spares every page their script and
 * their work. Commands answer once; queries are live and answer again whenever any tab changes
 * their data. Pages reach these through the facade (index.ts), never directly.
 */
export const commands = {
	async sync(): Promise<SyncResult> {
		const outcome = await syncExclusive();
		if (outcome.status === 'updated' && outcome.result.saved.length) {
			await announce(outcome.result.saved);
		}
		return outcome;
	},
	view: (request: Parameters<typeof localView>[1]) => localView(guideDb(), request),
	/** The views' code loaded ahead, for browsers where nothing keeps it offline. */
	loadViewCode,
	toggleFavourite: (favourite: Omit<Favourite, 'savedAt'>): Promise<boolean> =>
		toggleFavourite(favourite),
	dismissSavedChanges,
	dismissNotice,
	dismissHint: (hint: string): Promise<void> => dismissHint(hint),
	setStopVisited: (tick: { tourId: string; stop: number; visited: boolean }): Promise<boolean> =>
		setStopVisited(tick.tourId, tick.stop, tick.visited),
	clearVisitedStops,
	/** The tour walk under way and the stops it started (see tour-walks.ts), kept across reloads. */
	currentTourWalk: (tourId: string) => currentTourWalk(tourId),
	beginTourWalk: (tourId: string) => beginTourWalk(tourId),
	markWalkUpStarted: (at: { tourId: string; stop: number }): Promise<number[]> =>
		markWalkUpStarted(at.tourId, at.stop),
	endTourWalk: (tourId: string): Promise<void> => endTourWalk(tourId),
	/** Where the visitor stopped listening to a narration (seconds; 0 for none). */
	listeningPosition: (key: string): Promise<number> => listeningPosition(key),
	rememberListening: (at: { key: string; position: number }): Promise<void> =>
		rememberListening(at.key, at.position),
	/** Whether reaching a stop on a walk starts its narration or offers it. */
	setWalkUpMode: (mode: WalkUpMode): Promise<WalkUpMode> => setWalkUpMode(mode),
	savePlan: (plan: Plan): Promise<void> => savePlan(plan),
	/** Reminders: on or off, a lead time per saved event or planned stop, what is due, what was shown. */
	setRemindersOn: (on: boolean): Promise<void> => setRemindersOn(on),
	setLeadTime,
	remindersDue,
	emergencyNoticesDue,
	markRemindersShown: markShown,
	loadPlan: (date: string): Promise<Plan | undefined> => loadPlan(date),
	deletePlan: (date: string): Promise<void> => deletePlan(date),
	async storageUsage() {
		const db = guideDb();
		return {
			content: await contentUsage(db),
			visitor: await visitorUsage(db),
			total: await storageUse()
		};
	},
	cacheEntries: (name: string): Promise<number> => cacheEntries(name),
	cacheUsage: (name: string): Promise<Usage> => cacheUsage(name),
	/** Empties a runtime cache (images or map tiles); the content mirror is untouched. */
	clearCache: (name: string): Promise<void> => clearCache(name),
	loadTileJob: (): Promise<TileJob | undefined> => loadTileJob(guideDb()),
	saveTileJob: (job: TileJob): Promise<void> => saveTileJob(guideDb(), job),
	clearTileJob: (): Promise<void> => clearTileJob(guideDb()),
	/** A downloaded tour's record, `partial` until everything is stored (see tour-download.ts). */
	saveTourDownload: (record: TourDownload): Promise<void> => saveTourDownload(record),
	removeTourDownload: (key: string): Promise<void> => removeTourDownload(key)
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
	/** The whole mirror, again after every sync that moved it (the plan pages compute on it). */
	content: (): Observable<ContentData | undefined> => liveQuery(() => localContent(guideDb())),
	favourite: (key: { type: Favourite['type']; id: string }): Observable<boolean> =>
		isFavourite(key.type, key.id),
	favourites: (): Observable<Favourite[]> => favourites(),
	visitedStops,
	plan: (date: string): Observable<Plan | undefined> => planFor(date),
	plans: () => planList(),
	hintDismissed: (hint: string): Observable<boolean> => hintDismissed(hint),
	reminderSettings,
	walkUpMode: (): Observable<WalkUpMode> => walkUpMode(),
	tourDownloads: (): Observable<TourDownload[]> => tourDownloads()
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
