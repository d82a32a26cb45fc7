// One autocannon run, shared by the one-server bench (run.js) and the topology bench (scale.js).
import autocannon from 'autocannon';

export const FEED_PATH = '/api/v1/content';

/**
 * One run against `origin + path`. autocannon counts 304 as "non2xx", so the expected status is
 * checked against statusCodeStats instead; any other status, socket errors and timeouts are
 * errors, and so is a run in which nothing came back at all (not a row of zeros).
 * @param {{ origin: string, path?: string, headers: Record<string, string>, expectedStatus: number,
 *   connections: number, duration: number, timeout?: number }} run
 */
export async function loadPath({
	origin,
	path = FEED_PATH,
	headers,
	expectedStatus,
	connections,
	duration,
	timeout
}) {
	const result = await autocannon({
		url: `${origin}${path}`,
		headers,
		connections,
		duration,
		...(timeout ? { timeout } : {}),
		// A second of warm-up so servers are measured with JIT-compiled hot paths.
		warmup: { connections, duration: 1 },
		// Keep latencies of non-2xx responses: a 304 run consists of nothing else.
		excludeErrorStats: false
	});
	const statusCounts = Object.fromEntries(
		Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count])
	);
	const responses = Object.values(statusCounts).reduce((sum, count) => sum + count, 0);
	const unexpected = responses - (statusCounts[expectedStatus] ?? 0);
	return {
		requestsPerSecond: result.requests.average,
		latencyP99Ms: result.latency.p99,
		latencyAverageMs: result.latency.average,
		responses,
		statusCounts,
		// autocannon's `errors` already includes timeouts.
		socketErrors: result.errors - result.timeouts,
		timeouts: result.timeouts,
		unexpectedStatus: unexpected,
		errors: result.errors + unexpected + (responses === 0 ? 1 : 0)
	};
}

/** A run against the content feed (scale.js). */
export const loadFeed = (run) => loadPath({ ...run, path: FEED_PATH });
