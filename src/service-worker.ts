/// <reference lib="webworker" />
// The service worker entry only wires listeners to small modules in $lib/sw.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches } from 'workbox-precaching';
import { registerNavigation } from '$lib/sw/navigation';
import { registerNotificationClicks } from '$lib/sw/notifications';
import { registerPrecache, type PrecacheEntry } from '$lib/sw/precache';
import { registerRuntimeCaches } from '$lib/sw/runtime-caches';

declare const self: ServiceWorkerGlobalScope & {
	__WB_MANIFEST: PrecacheEntry[];
};

registerPrecache(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerNavigation();
registerRuntimeCaches();
registerNotificationClicks();

// A new version waits until the visitor accepts the update toast, so a page never runs with a mix
// of old and new code; the very first install takes control at once so offline works right away.
self.addEventListener('message', (event) => {
	if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
});
clientsClaim();
