import type { SavedChange } from './saved-changes';

/** What the visitor sees of the offline layer: connectivity, freshness and news about saved things. */
export const offlineStatus = $state({
	online: true,
	syncing: false,
	/** The mirror holds a complete snapshot: pages can render from it without a network. */
	ready: false,
	revision: 0,
	lastSyncedAt: null as string | null,
	error: null as string | null,
	/** The last sync failed: for lack of storage, or otherwise (the network, the server). */
	syncProblem: null as 'quota' | 'failed' | null,
	saved: [] as SavedChange[],
	/** The browser has no service worker (some in-app browsers): the app works online only. */
	noServiceWorker: false,
	/** A new version is installed and waiting; accepting reloads into it. */
	updateReady: false
});
