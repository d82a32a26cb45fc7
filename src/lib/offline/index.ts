/**
 * The one door to the phone's data. Pages and components use nothing of $lib/offline but this
 * module (the linter enforces it): page data (`loadView`, `view`), and the typed `command` and
 * `watch` of everything else, named in ops.ts: sync, favourites, saved-event news, visited stops,
 * listening positions, day plans, the mirror's content, storage use, caches and the map download's job. Commands answer
 * once; watched queries answer again whenever any tab changes their data.
 *
 * Behind it, commands and queries run next to Dexie in the mirror's worker (ops.ts, run by
 * mirror.worker.ts), or in the page where a browser has no module workers (client.ts). This module
 * is part of every page's first script, so it imports nothing heavy: each call loads the transport
 * on first use, and a page that only shows a save button never carries Dexie, the sync or the
 * views in its own script.
 */
import { dev } from '$app/environment';
import { error } from '@sveltejs/kit';
import type { Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import type { ViewData, ViewName } from '$lib/content/views/registry';
import type { CommandResult, QueryValue } from './client';
import type { Favourite } from './db';
import type { Commands, Queries } from './ops';
import type { DownloadOptions, JobOutcome, TileJob } from './tile-download';
import type {
	TourDownloadOptions,
	TourDownloadOutcome,
	TourDownloadPlan,
	TourSource
} from './tour-download';

export { imageCache, tileCache } from '$lib/sw/cache-names';
export { offlineStatus } from './status.svelte';
export type { StorageUse } from './storage';
export type { Favourite } from './db';
export type { MirrorStatus } from './ops';
export type { SavedChange } from './saved-changes';
export type { PlanSummary } from './plans';
export type { NoticeToShow, ReminderSettings, ReminderToShow } from './reminders';
export type { Usage } from './storage-usage';
export type { JobOutcome, JobStatus, TileJob } from './tile-download';
export type { WalkUpMode } from './walk-up-setting';
export type { TourDownload } from './db';
export type {
	TourDownloadOutcome,
	TourDownloadPlan,
	TourDownloadStatus,
	TourSource
} from './tour-download';

/** What a save button stores: the record and how it looked when saved. */
export type SaveItem = Omit<Favourite, 'savedAt'>;

const client = () => import('./client');

/**
 * Runs a command next to the mirror (see ops.ts for every command, its argument and its answer):
 * `command('savePlan', plan)`, `command('toggleFavourite', item)`, `command('sync')`.
 */
export function command<N extends keyof Commands>(
	name: N,
	argument?: Parameters<Commands[N]>[0]
): Promise<CommandResult<N>> {
	return client().then((transport) => transport.command(name, argument));
}

/**
 * Follows a query on the mirror (see ops.ts): `onValue` runs with its answer now and again
 * whenever any tab changes its data, until the returned unsubscribe, which is safe to call before
 * the first answer: `watch('plan', date, (plan) => …)`.
 */
export function watch<N extends keyof Queries>(
	name: N,
	argument: Parameters<Queries[N]>[0],
	onValue: (value: QueryValue<N>) => void
): () => void {
	let stop: (() => void) | undefined;
	let stopped = false;
	// A query can wait for the app's code to be stored (a saved mark on a card, say): on a first
	// visit, nothing is saved yet. Commands are a visitor's taps and page loads, and run at once.
	void appCodeStored()
		.then(client)
		.then((transport) => {
			if (!stopped) stop = transport.watch(name, argument, onValue);
		});
	return () => {
		stopped = true;
		stop?.();
	};
}

// The offline layer's life on a page.

/**
 * Starts sync, page data from the mirror and persistence, once per page; a sync that moves the
 * content re-runs the open page's loads, so it updates in place.
 */
export async function startOffline(): Promise<void> {
	(await import('./boot')).startOffline();
}

/**
 * Registers the service worker, once per page. Pages call it as soon as they run, not when the
 * browser is idle: the worker then stores the app's code (its precache) while the visitor reads,
 * and controls the page about a second after a first load, so the app opens offline that soon.
 */
export async function registerServiceWorker(): Promise<void> {
	// The dev server has no built worker; every build (whatever NODE_ENV it ran under) has one.
	if (dev) return;
	try {
		await (await import('./sw-registration')).registerWorker();
	} catch {
		// Refused (private browsing in some browsers, a blocked script): nothing will be stored,
		// so the offline layer need not wait for it.
		stopWaitingForCode?.();
	}
}

/** How long the offline layer waits for the service worker before starting without it. */
const storeLimitMs = 15_000;
let stored: Promise<void> | undefined;
let stopWaitingForCode: (() => void) | undefined;

/**
 * Resolves once the service worker controls the page, i.e. once the app's code (the mirror's
 * worker and the views included) is stored on the phone: at once on later visits and where there
 * is no service worker (in-app browsers), and after 15 s at the latest, should the worker fail to
 * install. On a first visit, starting the mirror after this means its worker and code come from
 * the service worker's cache instead of being downloaded twice, once by the page and once by the
 * precache.
 */
export function appCodeStored(): Promise<void> {
	stored ??= new Promise((resolve) => {
		// Read from globalThis: the facade also runs where there is no navigator at all (unit tests).
		const container = globalThis.navigator?.serviceWorker;
		if (dev || !container || container.controller) return resolve();
		const done = () => {
			clearTimeout(timer);
			container.removeEventListener('controllerchange', done);
			resolve();
		};
		const timer = setTimeout(done, storeLimitMs);
		container.addEventListener('controllerchange', done);
		stopWaitingForCode = done;
	});
	return stored;
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

// Page data.

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

/**
 * A page's data computed on the phone from its mirror, by the same view the server runs; undefined
 * while the mirror is empty. An unknown record or a bad parameter throws as on the server.
 */
export async function view<N extends ViewName>(
	name: N,
	lang: Language,
	params: Record<string, string> = {}
): Promise<ViewData<N> | undefined> {
	// The page's clock, not the worker's: what is "on now" must agree with the rest of the page.
	const answer = await command('view', { name, lang, params, at: Date.now() });
	if ('data' in answer) return answer.data as ViewData<N>;
	if ('notFound' in answer) throw new ViewNotFoundError(answer.notFound);
	if ('badParameter' in answer) throw new ViewParameterError(answer.badParameter, answer.message);
	return undefined;
}

// Outside the mirror.

/** Asks the browser to keep this site's storage under pressure; resolves to whether it will. */
export async function requestPersistence(): Promise<boolean> {
	return (await import('./storage')).requestPersistence();
}

/**
 * Runs (or resumes) a map download in this page: tiles go to the service worker's tile cache,
 * the resume point to the mirror as it advances (see tile-download.ts for how it stops).
 */
export async function downloadTiles(
	settings: MapSettings,
	start: TileJob,
	options: Omit<DownloadOptions, 'save'>
): Promise<JobOutcome> {
	const { downloadTiles } = await import('./tile-download');
	return downloadTiles(settings, start, { ...options, save: (job) => command('saveTileJob', job) });
}

/** What downloading a tour stores and about how much it weighs (see tour-download.ts). */
export async function planTourDownload(
	source: TourSource,
	lang: Language,
	screen: { width: number; dpr: number }
): Promise<TourDownloadPlan> {
	return (await import('./tour-download')).tourDownloadPlan(source, lang, screen.dpr > 1, screen);
}

/**
 * Runs (or resumes) a tour's download in this page: recordings and photos to the tour cache, map
 * tiles to the tile cache, its record to the mirror (`ready` only when all is stored).
 */
export async function downloadTour(
	plan: TourDownloadPlan,
	options: Omit<TourDownloadOptions, 'save' | 'retina'>
): Promise<TourDownloadOutcome> {
	const { downloadTour } = await import('./tour-download');
	return downloadTour(plan, { ...options, save: (record) => command('saveTourDownload', record) });
}
