import { dev } from '$app/environment';
import { useLocalSource } from '$lib/content-source';
import { startSync } from './scheduler';
import { requestPersistence } from './storage';
import { registerWorker } from './worker';

/** Pages read from the phone's mirror from now on (when it has one). */
export function installLocalSource(): void {
	// Loaded on first use: the views and their libraries are only needed once a page reads the mirror.
	useLocalSource(async (name, lang, params) =>
		(await import('./local-source')).localSource(name, lang, params)
	);
}

let started = false;

/** Starts the offline layer once per page: local reads, sync, the service worker, persistence. */
export function startOffline(onRevision: () => void): void {
	if (started) return;
	started = true;
	installLocalSource();
	let first = true;
	startSync(() => {
		// The first observation is the mirror as it was; only later moves are news for the page.
		if (first) first = false;
		else onRevision();
	});
	// The dev server has no built worker; every build (whatever NODE_ENV it ran under) has one.
	if (!dev) registerWorker();
	void requestPersistence();
}
