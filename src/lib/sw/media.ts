/// <reference lib="webworker" />
import type { RouteHandlerCallbackOptions } from 'workbox-core/types.js';
import { createPartialResponse } from 'workbox-range-requests';
import { tourCache } from './cache-names';

declare const self: ServiceWorkerGlobalScope;

/** Recordings and photo renditions of the media store (content-hashed, so never stale). */
export function isMediaUrl(url: URL): boolean {
	return url.origin === self.location.origin && url.pathname.startsWith('/media/');
}

/**
 * /media requests: what a downloaded tour stored is answered from its cache, so the tour plays
 * in airplane mode after a browser restart. A media element asks for ranges (`bytes=0-`, then
 * wherever the visitor seeks); they are cut from the stored whole file (206, or 416 past its
 * end) by workbox-range-requests. Anything no download holds goes to `otherwise`: the image
 * cache for pictures, the network for recordings.
 */
export function mediaHandler(
	otherwise: (options: RouteHandlerCallbackOptions) => Promise<Response>
) {
	return async (options: RouteHandlerCallbackOptions): Promise<Response> => {
		const request = options.request as Request;
		const stored = await (await caches.open(tourCache)).match(request.url);
		if (!stored) return otherwise(options);
		const headers = new Headers(stored.headers);
		headers.set('accept-ranges', 'bytes');
		const whole = new Response(stored.body, { status: 200, headers });
		return request.headers.has('range') ? createPartialResponse(request, whole) : whole;
	};
}
