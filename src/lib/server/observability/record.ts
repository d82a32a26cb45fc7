import { randomUUID } from 'node:crypto';
import { config } from '../config';
import { appMetrics } from './instance';
import { requestLine, writeLine, type RequestRecord } from './request-log';

const feedRoute = '/api/v1/content';

/** A request id from the proxy in front (nginx's $request_id) is kept, so both logs line up. */
export function requestIdOf(given: string | null | undefined): string {
	return given && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
}

/** One answered request, as both doors (SvelteKit's hooks and the early door) report it. */
export interface AnsweredRequest extends RequestRecord {
	etag: string | null;
	/** Answered at the early door rather than by SvelteKit. */
	early?: boolean;
}

/** Updates the Prometheus metrics and writes the request's JSON log line. */
export function recordRequest(answered: AnsweredRequest): void {
	const metrics = appMetrics();
	metrics.request(answered.method, answered.route, answered.status, answered.durationMs / 1000);
	if (answered.route === feedRoute) metrics.feed(answered.status, answered.url, answered.etag);
	if (answered.early && answered.route) metrics.early(answered.route);
	if (config().REQUEST_LOG === 'json') writeLine(requestLine(answered));
}
