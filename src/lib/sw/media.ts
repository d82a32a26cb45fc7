/// <reference lib="webworker" />
import type { RouteHandlerCallbackOptions } from 'workbox-core/types.js';
import { createPartialResponse } from 'workbox-range-requests';
import { tourCache } from './cache-names';
import { storedRendition } from './stored-rendition';

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
 * cache for pictures, the network for recordings. A photo neither answers (offline, and the page
 * asked for another width than the download kept, say on a turned phone) is answered with the
 * rendition of the same photo the download did keep: a picture at another size beats none, on
 * the page; never to a download's fetch, which stores what it is given as the width it asked for.
 */
export function mediaHandler(
	otherwise: (options: RouteHandlerCallbackOptions) => Promise<Response>
) {
	return async (options: RouteHandlerCallbackOptions): Promise<Response> => {
		const request = options.request as Request;
		const cache = await caches.open(tourCache);
		const stored = await cache.match(request.url);
		if (!stored) {
			// The network's answer, or the reason there is none: either way a stored rendition
			// comes first when the answer is not a good one.
			const answer = await otherwise(options).catch((error: unknown) => error);
			if (answer instanceof Response && answer.ok) return answer;
			// Only for a picture the page shows. A tour download's own fetch must see the failure:
			// given the stop's small picture instead, it would keep it under this URL and say ready.
			const rendition =
				request.destination === 'image' ? await storedRendition(cache, request.url) : undefined;
			if (rendition) return rendition;
			if (answer instanceof Response) return answer;
			throw answer;
		}
		const headers = new Headers(stored.headers);
		headers.set('accept-ranges', 'bytes');
		const whole = new Response(stored.body, { status: 200, headers });
		return request.headers.has('range') ? createPartialResponse(request, whole) : whole;
	};
}
