/**
 * The one door to the phone's data. Pages and components use nothing of $lib/offline but this
 * module (the linter enforces it): page data (`loadView`), sync, favourites, saved-event news,
 * visited stops, day plans, storage use and the map download are its commands (answer once) and
 * queries (live: they answer again whenever any tab changes their data).
 *
 * Behind it, commands and queries run next to Dexie in the mirror's worker (ops.ts, run by
 * mirror.worker.ts), or in the page where a browser has no module workers (client.ts). This module
 * imports nothing heavy: each call loads the transport on first use, so a page that only shows a
 * save button never carries Dexie, the sync or the views in its own script.
 */
import { error } from '@sveltejs/kit';
import type { Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import type { ContentData } from '$lib/content/snapshot';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import type { ViewData, ViewName } from '$lib/content/views/registry';
import type { Plan } from '$lib/planner/plan';
import type { CommandResult, QueryValue } from './client';
import type { Favourite } from './db';
import type { Commands, Queries } from './ops';
import { isQuotaError } from './storage';
import type { JobOutcome, TileJob } from './tile-download';
import { tileCache } from '$lib/sw/cache-names';

export { imageCache, tileCache } from '$lib/sw/cache-names';
export { offlineStatus } from './status.svelte';
export { isQuotaError, requestPersistence, storageUse, type StorageUse } from './storage';
export type { Favourite } from './db';
export type { MirrorStatus } from './ops';
export type { SavedChange } from './saved-changes';
export type { PlanSummary } from './plans';
export type { Usage } from './storage-usage';
export type { JobOutcome, JobStatus, TileJob } from './tile-download';

/** What a save button stores: the record and how it looked when saved. */
export type SaveItem = Omit<Favourite, 'savedAt'>;

const client = () => import('./client');

function run<N extends keyof Commands>(
	name: N,
	argument?: Parameters<Commands[N]>[0]
): Promise<CommandResult<N>> {
	return client().then(({ command }) => command(name, argument));
}

/** Follows a query from now on; returns the unsubscribe, safe to call before the first answer. */
function follow<N extends keyof Queries>(
	name: N,
	argument: Parameters<Queries[N]>[0],
	onValue: (value: QueryValue<N>) => void
): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	void client().then(({ watch }) => {
		if (!stopped) stop = watch(name, argument, onValue);
	});
	return () => {
		stopped = true;
		stop?.();
	};
}

// The offline layer's life on a page.

/**
 * Starts sync, page data from the mirror, the service worker and persistence, once per page; a
 * sync that moves the content re-runs the open page's loads, so it updates in place.
 */
export async function startOffline(): Promise<void> {
	(await import('./boot')).startOffline();
}

let fromMirror = false;

/** Pages load their data from the phone's mirror from now on (whenever it holds content). */
export function readFromMirror(): void {
	fromMirror = true;
}

/** Takes the waiting new version of the app, then reloads once. */
export async function acceptUpdate(): Promise<void> {
	(await import('./sw-registration')).acceptUpdate();
}

// Content.

/**
 * The one way pages get their data. On the server (and while the first page hydrates) it asks the
 * views endpoint, whose answer SvelteKit inlines into the HTML; once the offline layer reads from
 * the mirror, the same view runs next to it, with no network at all.
 */
export async function loadView<N extends ViewName>(
	fetch: typeof globalThis.fetch,
	name: N,
	lang: Language,
	params: Record<string, string> = {}
): Promise<ViewData<N>> {
	try {
		const local = fromMirror ? await view(name, lang, params) : undefined;
		if (local !== undefined) return local;
	} catch (problem) {
		if (problem instanceof ViewNotFoundError) error(404, problem.message);
		if (problem instanceof ViewParameterError) {
			error(400, `${problem.parameter}: ${problem.message}`);
		}
		throw problem;
	}
	const query = new URLSearchParams({ lang, ...params });
	const response = await fetch(`/api/v1/views/${name}?${query}`);
	if (response.status === 404) error(404, (await response.json()).error?.message ?? 'Not found');
	if (!response.ok) error(response.status, `Could not load ${name}`);
	return response.json();
}

/** One sync now (shared with one already running); a sync that brings news keeps the notice. */
export const sync = () => run('sync');

/**
 * A page's data computed on the phone from its mirror, by the same view the server runs; undefined
 * while the mirror is empty. An unknown record or a bad parameter throws as on the server.
 */
export async function view<N extends ViewName>(
	name: N,
	lang: Language,
	params: Record<string, string> = {}
): Promise<ViewData<N> | undefined> {
	const answer = await run('view', { name, lang, params });
	if ('data' in answer) return answer.data as ViewData<N>;
	if ('notFound' in answer) throw new ViewNotFoundError(answer.notFound);
	if ('badParameter' in answer) throw new ViewParameterError(answer.badParameter, answer.message);
	return undefined;
}

/** The whole mirror (undefined while empty), again after every sync that moves it. */
export const watchContent = (onValue: (content: ContentData | undefined) => void) =>
	follow('content', undefined, onValue);

// The visitor's things: saved records, news about them, ticked tour stops, day plans.

export const toggleFavourite = (item: SaveItem) => run('toggleFavourite', item);

export const watchFavourite = (
	key: Pick<Favourite, 'type' | 'id'>,
	onValue: (saved: boolean) => void
) => follow('favourite', key, onValue);

export const watchFavourites = (onValue: (saved: Favourite[]) => void) =>
	follow('favourites', undefined, onValue);

/** The visitor has read the news about changed saved events. */
export const dismissSavedChanges = () => run('dismissSavedChanges');

export const setStopVisited = (tourId: string, stop: number, visited: boolean) =>
	run('setStopVisited', { tourId, stop, visited });

export const clearVisitedStops = (tourId: string) => run('clearVisitedStops', tourId);

export const watchVisitedStops = (tourId: string, onValue: (stops: number[]) => void) =>
	follow('visitedStops', tourId, onValue);

export const savePlan = (plan: Plan) => run('savePlan', plan);

export const loadPlan = (date: string) => run('loadPlan', date);

export const deletePlan = (date: string) => run('deletePlan', date);

export const watchPlan = (date: string, onValue: (plan: Plan | undefined) => void) =>
	follow('plan', date, onValue);

export const watchPlans = (onValue: (plans: QueryValue<'plans'>) => void) =>
	follow('plans', undefined, onValue);

// Storage.

/** What the mirror and the visitor's own things take on this phone. */
export const storageUsage = () => run('storageUsage');

export async function cacheEntries(name: string): Promise<number> {
	return (await import('./storage-usage')).cacheEntries(name);
}

export async function cacheUsage(name: string) {
	return (await import('./storage-usage')).cacheUsage(name);
}

export async function clearCache(name: string): Promise<void> {
	return (await import('./storage-usage')).clearCache(name);
}

// The map download.

/** The last map download, finished or not. */
export const loadTileJob = () => run('loadTileJob');

/** Drops the saved job (the tiles stay in the cache until cleared). */
export const forgetTileJob = () => run('clearTileJob');

/**
 * Runs (or resumes) a map download in this page: tiles go to the service worker's tile cache,
 * the resume point to the mirror as it advances (see tile-download.ts for how it stops).
 */
export async function downloadTiles(
	settings: MapSettings,
	start: TileJob,
	options: {
		/** Leaflet fills a template's {r} with @2x on high-density screens. */
		retina: boolean;
		signal: AbortSignal;
		onProgress: (done: number, total: number) => void;
		onSaved: (job: TileJob) => void;
	}
): Promise<JobOutcome> {
	const { jobUrls, runTileJob } = await import('./tile-download');
	const urls = jobUrls(settings, start.lang, start.zooms, { retina: options.retina });
	options.onProgress(Math.min(start.next, urls.length), urls.length);
	return runTileJob(urls, start, {
		cache: await caches.open(tileCache),
		fetch: (input, init) => fetch(input, init),
		signal: options.signal,
		onProgress: options.onProgress,
		save: async (job) => {
			options.onSaved(job);
			// With the disk full even this small write can fail; the cache check covers a resume.
			await run('saveTileJob', job).catch((error) => {
				if (!isQuotaError(error)) throw error;
			});
		}
	});
}
