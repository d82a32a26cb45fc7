import type { Handle } from '@sveltejs/kit';
import { randomUUID } from 'node:crypto';
import { config } from '../config';
import { appMetrics } from '../observability/instance';
import { requestLine, writeLine } from '../observability/request-log';

const feedRoute = '/api/v1/content';

/** A request id from the proxy in front (nginx's $request_id) is kept, so both logs line up. */
function requestIdOf(request: Request): string {
	const given = request.headers.get('x-request-id');
	return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/**
 * First in the chain, so what it times and counts includes every other hook: gives the request an
 * id (echoed in `x-request-id`, and in error lines), then writes one JSON log line and updates the
 * Prometheus metrics once the response is ready.
 */
export const observe: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	const requestId = requestIdOf(event.request);
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
		const ms = performance.now() - started;
		const route = event.route.id;
		const metrics = appMetrics();
		metrics.request(event.request.method, route, status, ms / 1000);
		if (route === feedRoute) metrics.feed(status, event.url, etag);
		if (config().REQUEST_LOG === 'json') {
			writeLine(
				requestLine({
					requestId,
					method: event.request.method,
					route,
					url: event.url,
					status,
					durationMs: ms,
					bytes
				})
			);
		}
	}
};
