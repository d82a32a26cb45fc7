import type { Handle } from '@sveltejs/kit';
import { recordRequest, requestIdOf } from '../observability/record';

/**
 * First in the chain, so what it times and counts includes every other hook: gives the request an
 * id (echoed in `x-request-id`, and in error lines), then writes one JSON log line and updates the
 * Prometheus metrics once the response is ready.
 */
export const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdOf(event.request.headers.get('x-request-id'));
	event.locals.requestId = requestId;
	let status = 500;
	let bytes: number | null = null;
	let etag: string | null = null;
	try {
		const response = await resolve(event);
		status = response.status;
		const length = response.headers.get('content-length');
		bytes = length === null ? (response.body ? null : 0) : Number(length);
		etag = response.headers.get('etag');
		response.headers.set('x-request-id', requestId);
		return response;
	} finally {
		recordRequest({
			requestId,
			method: event.request.method,
			route: event.route.id,
			url: event.url,
			status,
			durationMs: performance.now() - started,
			bytes,
			etag
		});
	}
};
