import { dev } from '$app/environment';
import { nextTask } from '$lib/next-task';
import { useLocalSource } from '$lib/content-source';
import { view } from './index';
import { startSync } from './scheduler';
import { requestPersistence } from './storage';
import { registerWorker } from './sw-registration';

/** Pages read from the phone's mirror from now on (when it has one), run next to it. */
export function installLocalSource(): void {
	useLocalSource(view);
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
