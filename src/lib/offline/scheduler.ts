import { liveQuery } from 'dexie';
import { guideDb, type SyncMeta } from './db';
import type { SavedChange } from './saved-changes';
import { offlineStatus } from './status.svelte';
import { runSync } from './sync-client';
import { SyncError } from './sync-error';

const fifteenMinutes = 15 * 60_000;
// Retries after a failure: quick at first (a flaky signal), then no more often than the schedule.
const backoff = [5_000, 15_000, 45_000, 120_000, 300_000, fifteenMinutes];

/**
 * Keeps the mirror fresh: sync at start, when the browser comes back online, when the app becomes
 * visible, and every 15 minutes while visible; after a failure, retry with growing pauses.
 * `onRevision` runs whenever any tab's sync moves the revision, so open pages refresh in place.
 */
export function startSync(onRevision: (revision: number) => void): () => void {
	const db = guideDb();
	let failures = 0;
	let retry: ReturnType<typeof setTimeout> | undefined;

	async function run() {
		clearTimeout(retry);
		if (!navigator.onLine) return;
		offlineStatus.syncing = true;
		try {
			const outcome = await runSync();
			failures = 0;
			offlineStatus.error = null;
			if (outcome.status === 'updated' && outcome.result.saved.length) {
				await announce(outcome.result.saved);
			}
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

	const revisions = liveQuery(() => db.meta.get('sync')).subscribe((entry) => {
		const meta = entry?.value as SyncMeta | undefined;
		if (!meta) return;
		const moved = meta.revision !== offlineStatus.revision;
		offlineStatus.revision = meta.revision;
		offlineStatus.lastSyncedAt = meta.lastSyncedAt;
		offlineStatus.ready = meta.revision > 0;
		if (moved) onRevision(meta.revision);
	});
	const notices = liveQuery(() => db.meta.get('notice')).subscribe((entry) => {
		offlineStatus.saved = (entry?.value as SavedChange[] | undefined) ?? [];
	});

	void run();
	return () => {
		clearTimeout(retry);
		clearInterval(tick);
		window.removeEventListener('online', onOnline);
		window.removeEventListener('offline', onOffline);
		document.removeEventListener('visibilitychange', onVisible);
		revisions.unsubscribe();
		notices.unsubscribe();
	};
}

/** Keeps the news until the visitor dismisses it, across reloads and tabs. */
async function announce(changes: SavedChange[]) {
	const db = guideDb();
	const previous = ((await db.meta.get('notice'))?.value as SavedChange[] | undefined) ?? [];
	const merged = [...previous.filter((p) => !changes.some((c) => c.id === p.id)), ...changes];
	await db.meta.put({ key: 'notice', value: merged });
}

/** The visitor has read the news: remember the new state of those events as seen. */
export async function dismissSavedChanges(): Promise<void> {
	const db = guideDb();
	await db.transaction('rw', [db.meta, db.favourites, db.events], async () => {
		const notice = ((await db.meta.get('notice'))?.value as SavedChange[] | undefined) ?? [];
		for (const change of notice) {
			const event = await db.events.get(change.id);
			const favourite = await db.favourites.get(['events', change.id] as never);
			if (favourite && event) {
				await db.favourites.put({
					...favourite,
					seen: { title: favourite.seen.title, start: event.start, status: event.status }
				});
			}
		}
		await db.meta.delete('notice');
	});
}
