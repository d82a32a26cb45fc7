/// <reference lib="webworker" />
import { CacheableResponsePlugin } from 'workbox-cacheable-response';
import { ExpirationPlugin } from 'workbox-expiration';
import { registerRoute } from 'workbox-routing';
import { CacheFirst } from 'workbox-strategies';
import { missingTilePng } from '$lib/map/missing-tile';
import { imageCache, tileCache } from './cache-names';
import { isMediaUrl, mediaHandler } from './media';

export { imageCache, tileCache };

/** Map tiles are recognised by their URL shape: XYZ paths or Tianditu's WMTS parameters. */
export function isTileUrl(url: URL): boolean {
	return (
		/\/\d+\/\d+\/\d+(?:@2x)?\.(?:png|jpe?g|webp)$/.test(url.pathname) ||
		url.searchParams.has('TILEMATRIX')
	);
}

/**
 * Bounded runtime caches. Uploaded images are immutable (content-hashed names), so cache first is
 * safe; tiles change rarely. Both have caps so a long trip never fills the phone. Nothing from the
 * editor console or the API is cached here.
 */
export function registerRuntimeCaches(): void {
	const images = new CacheFirst({
		cacheName: imageCache,
		plugins: [
			new CacheableResponsePlugin({ statuses: [0, 200] }),
			new ExpirationPlugin({
				maxEntries: 300,
				maxAgeSeconds: 60 * 60 * 24 * 60,
				purgeOnQuotaError: true
			})
		]
	});
	// First: a downloaded tour's recordings and photos, whatever else would answer them.
	registerRoute(
		({ url }) => isMediaUrl(url),
		mediaHandler((options) =>
			options.request.destination === 'image' ? images.handle(options) : fetch(options.request)
		)
	);
	registerRoute(
		({ request, url }) =>
			request.destination === 'image' && url.origin === self.location.origin && !isTileUrl(url),
		images
	);
	// Only the map's own image requests: the offline-area download writes its tiles itself, and
	// those must never be evicted by this cap or wiped on a quota error. Tile servers often answer
	// `Vary: Origin`; a tile is the same image whoever asks, so Vary is ignored when matching.
	registerRoute(
		({ request, url }) => request.destination === 'image' && isTileUrl(url),
		new CacheFirst({
			cacheName: tileCache,
			matchOptions: { ignoreVary: true },
			plugins: [
				new CacheableResponsePlugin({ statuses: [0, 200] }),
				new ExpirationPlugin({ maxEntries: 6000 }),
				// Neither cached nor counted: the next request for the tile tries the network again.
				{ handlerDidError: async () => missingTile() }
			]
		})
	);
}

/**
 * A tile that could not be fetched and is not cached is answered with a small transparent image
 * (see $lib/map/missing-tile.ts): the map shows its plain background and says the basemap is
 * unavailable, and the page's console stays free of network errors.
 */
function missingTile(): Response {
	const bytes = Uint8Array.from(atob(missingTilePng), (c) => c.charCodeAt(0));
	return new Response(bytes, {
		status: 200,
		headers: { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }
	});
}
