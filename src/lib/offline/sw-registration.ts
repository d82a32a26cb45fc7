import { Workbox } from 'workbox-window';
import { offlineStatus } from './status.svelte';

let workbox: Workbox | undefined;

/**
 * Registers the service worker and watches for updates. A new version installs in the background
 * and waits; the visitor is offered "new version — reload", and only on acceptance does it take
 * over, followed by exactly one reload.
 */
export async function registerWorker(): Promise<void> {
	if (workbox) return;
	if (!navigator.serviceWorker) {
		offlineStatus.noServiceWorker = true;
		return;
	}
	workbox = new Workbox('/service-worker.js', { scope: '/' });
	workbox.addEventListener('waiting', () => (offlineStatus.updateReady = true));
	const registered = workbox.register();
	// Check for a new version when the app comes back to the foreground.
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'visible') void workbox?.update();
	});
	await registered;
}

export function acceptUpdate(): void {
	if (!workbox) return;
	let reloaded = false;
	workbox.addEventListener('controlling', () => {
		if (reloaded) return;
		reloaded = true;
		window.location.reload();
	});
	workbox.messageSkipWaiting();
}
