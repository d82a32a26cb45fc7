import { dev } from '$app/environment';
import { invalidateAll } from '$app/navigation';
import { nextTask } from '$lib/next-task';
import { command, watch } from './client';
import { readFromMirror } from './index';
import { offlineStatus } from './status.svelte';
import { isQuotaError, requestPersistence } from './storage';
import { registerWorker } from './sw-registration';
import { SyncError } from './sync-error';

const fifteenMinutes = 15 * 60_000;
// Retries after a failure: quick at first (a flaky signal), then no more often than the schedule.
const backoff = [5_000, 15_000, 45_000, 120_000, 300_000, fifteenMinutes];

/**
 * Keeps the mirror fresh: sync at start, when the browser comes back online, when the app becomes
 * visible, and every 15 minutes while visible; after a failure, retry with growing pauses. When
 * any tab's sync moves the revision, the open page's loads run again and it updates in place.
 */
function keepFresh(): void {
	let failures = 0;
	let retry: ReturnType<typeof setTimeout> | undefined;

	async function run() {
		clearTimeout(retry);
		if (!navigator.onLine) return;
		offlineStatus.syncing = true;
		try {
			// The worker also keeps the news about saved events (the notice) when a sync brings any.
			await command('sync');
			failures = 0;
			offlineStatus.error = null;
			offlineStatus.syncProblem = null;
		} catch (error) {
			offlineStatus.error = error instanceof Error ? error.message : String(error);
			offlineStatus.syncProblem = isQuotaError(error) ? 'quota' : 'failed';
			if (!(error instanceof SyncError) || error.retryable) {
				retry = setTimeout(run, backoff[Math.min(failures, backoff.length - 1)]);
				failures++;
			}
		} finally {
			offlineStatus.syncing = false;
		}
	}

	offlineStatus.online = navigator.onLine;
	window.addEventListener('online', () => {
		offlineStatus.online = true;
		void run();
	});
	window.addEventListener('offline', () => (offlineStatus.online = false));
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void run();
	});
	setInterval(() => document.visibilityState === 'visible' && void run(), fifteenMinutes);

	// Read in the mirror's worker: the page never loads Dexie just to show how fresh it is.
	let first = true;
	watch('status', undefined, ({ meta, saved, dismissedNotices }) => {
		offlineStatus.saved = saved;
		offlineStatus.dismissedNotices = dismissedNotices;
		const revision = meta?.revision ?? 0;
		const previous = first ? revision : offlineStatus.revision;
		first = false;
		offlineStatus.revision = revision;
		offlineStatus.lastSyncedAt = meta?.lastSyncedAt ?? null;
		offlineStatus.ready = revision > 0;
		// The first answer is the mirror as it was. Filling an empty mirror brings nothing the
		// server-rendered page lacks: it was rendered moments ago from the same content. Later
		// moves are edits the open page must show.
		if (revision !== previous && previous > 0) void invalidateAll();
	});

	void run();
}

let started = false;

/** Starts the offline layer once per page: local reads, sync, the service worker, persistence. */
export async function startOffline(): Promise<void> {
	if (started) return;
	started = true;
	readFromMirror();
	keepFresh();
	await nextTask();
	// The dev server has no built worker; every build (whatever NODE_ENV it ran under) has one.
	if (!dev) registerWorker();
	await nextTask();
	void requestPersistence();
}
