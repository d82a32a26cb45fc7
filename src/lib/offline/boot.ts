import { invalidateAll } from '$app/navigation';
import { nextTask } from '$lib/next-task';
import { command, watch } from './client';
import { keepFresh, type SyncOutcome } from './freshness';
import { readFromMirror } from './index';
import { offlineStatus } from './status.svelte';
import { isQuotaError, requestPersistence } from './storage';
import { SyncError } from './sync-error';

/**
 * Keeps the mirror fresh (when to ask: ./freshness.ts). When any tab's sync moves the revision,
 * the open page's loads run again and it updates in place.
 */
function keepMirrorFresh(): void {
	offlineStatus.online = navigator.onLine;
	window.addEventListener('online', () => (offlineStatus.online = true));
	window.addEventListener('offline', () => (offlineStatus.online = false));
	keepFresh(sync, {
		visible: () => document.visibilityState === 'visible',
		online: () => navigator.onLine,
		onChange(listener) {
			window.addEventListener('online', listener);
			window.addEventListener('offline', listener);
			document.addEventListener('visibilitychange', listener);
		},
		setTimeout: (run, ms) => setTimeout(run, ms),
		clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>)
	});

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
}

async function sync(): Promise<SyncOutcome> {
	offlineStatus.syncing = true;
	try {
		// The worker also keeps the news about saved events (the notice) when a sync brings any.
		await command('sync');
		offlineStatus.error = null;
		offlineStatus.syncProblem = null;
		return 'done';
	} catch (error) {
		offlineStatus.error = error instanceof Error ? error.message : String(error);
		offlineStatus.syncProblem = isQuotaError(error) ? 'quota' : 'failed';
		return error instanceof SyncError && !error.retryable ? 'stuck' : 'retry';
	} finally {
		offlineStatus.syncing = false;
	}
}

let started = false;

/**
 * Starts the offline layer once per page: local reads, sync, persistence. The service worker is
 * registered earlier and apart (index.ts, registerServiceWorker), as soon as the page runs.
 */
export async function startOffline(): Promise<void> {
	if (started) return;
	started = true;
	readFromMirror();
	keepMirrorFresh();
	await nextTask();
	void requestPersistence();
}
