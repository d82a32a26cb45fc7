import { dev } from '$app/environment';
import { nextTask } from '$lib/next-task';
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
export async function startOffline(onRevision: () => void): Promise<void> {
	if (started) return;
	started = true;
	installLocalSource();
	startSync((_revision, previous) => {
		// Filling an empty mirror brings nothing the server-rendered page lacks: it was rendered
		// moments ago from the same content. Later moves are edits the open page must show.
		if (previous > 0) onRevision();
	});
	await nextTask();
	// The dev server has no built worker; every build (whatever NODE_ENV it ran under) has one.
	if (!dev) registerWorker();
	await nextTask();
	void requestPersistence();
}
