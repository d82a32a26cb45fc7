import { command, watch } from './mirror-client';
import { offlineStatus } from './status.svelte';
import { SyncError } from './sync-error';

const fifteenMinutes = 15 * 60_000;
// Retries after a failure: quick at first (a flaky signal), then no more often than the schedule.
const backoff = [5_000, 15_000, 45_000, 120_000, 300_000, fifteenMinutes];

/**
 * Keeps the mirror fresh: sync at start, when the browser comes back online, when the app becomes
 * visible, and every 15 minutes while visible; after a failure, retry with growing pauses.
 * `onRevision` runs whenever any tab's sync moves the revision, so open pages refresh in place;
 * it learns the revision before the move too (0: the mirror was empty).
 */
export function startSync(onRevision: (revision: number, previous: number) => void): () => void {
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
		} catch (error) {
			offlineStatus.error = error instanceof Error ? error.message : String(error);
			if (!(error instanceof SyncError) || error.retryable) {
				retry = setTimeout(run, backoff[Math.min(failures, backoff.length - 1)]);
				failures++;
			}
		} finally {
			offlineStatus.syncing = false;
		}
	}

	const onOnline = () => {
		offlineStatus.online = true;
		void run();
	};
	const onOffline = () => (offlineStatus.online = false);
	const onVisible = () => document.visibilityState === 'visible' && void run();
	const tick = setInterval(
		() => document.visibilityState === 'visible' && void run(),
		fifteenMinutes
	);

	offlineStatus.online = navigator.onLine;
	window.addEventListener('online', onOnline);
	window.addEventListener('offline', onOffline);
	document.addEventListener('visibilitychange', onVisible);

	// Read in the mirror's worker: the page never loads Dexie just to show how fresh it is.
	let first = true;
	const stopWatching = watch('status', undefined, ({ meta, saved, dismissedNotices }) => {
		offlineStatus.saved = saved;
		offlineStatus.dismissedNotices = dismissedNotices;
		const revision = meta?.revision ?? 0;
		const previous = first ? revision : offlineStatus.revision;
		first = false;
		offlineStatus.revision = revision;
		offlineStatus.lastSyncedAt = meta?.lastSyncedAt ?? null;
		offlineStatus.ready = revision > 0;
		// The first answer is the mirror as it was; only later moves are news for the page.
		if (revision !== previous) onRevision(revision, previous);
	});

	void run();
	return () => {
		clearTimeout(retry);
		clearInterval(tick);
		window.removeEventListener('online', onOnline);
		window.removeEventListener('offline', onOffline);
		document.removeEventListener('visibilitychange', onVisible);
		stopWatching();
	};
}
