import { createServer, type Server } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The app's Prometheus metrics. Labels are bounded on purpose: the route id (`/events/[slug]`), never
 * the path, so a crawler walking ten thousand URLs cannot blow up the series count.
 */
export function createMetrics() {
	const registry = new Registry();
	collectDefaultMetrics({ register: registry, prefix: 'taibai_' });

	const requests = new Counter({
		name: 'taibai_http_requests_total',
		help: 'HTTP requests answered, by method, route id and status',
		labelNames: ['method', 'route', 'status'] as const,
		registers: [registry]
	});
	const latency = new Histogram({
		name: 'taibai_http_request_duration_seconds',
		help: 'Time from receiving a request to its response headers, by method and route id',
		labelNames: ['method', 'route'] as const,
		// From a 304 from memory (~1 ms) to a slow console page.
		buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
		registers: [registry]
	});
	const feedResponses = new Counter({
		name: 'taibai_feed_responses_total',
		help: 'Content feed answers: 200 sends content, 304 tells a phone it is up to date',
		labelNames: ['status', 'kind'] as const,
		registers: [registry]
	});
	const earlyAnswers = new Counter({
		name: 'taibai_http_early_answers_total',
		help: 'Requests answered from memory before SvelteKit (feed answers, kept visitor pages), by route id; also counted in taibai_http_requests_total',
		labelNames: ['route'] as const,
		registers: [registry]
	});
	const feedRevision = new Gauge({
		name: 'taibai_feed_revision_served',
		help: 'The newest content revision this server has sent in a feed response',
		registers: [registry]
	});
	// The ratio is what an operator watches (high = phones mostly up to date, the CDN and ETags
	// work); Prometheus could divide the counters, but a ready gauge makes the dashboard trivial.
	new Gauge({
		name: 'taibai_feed_not_modified_ratio',
		help: 'Share of content feed answers that were 304 Not Modified since start',
		registers: [registry],
		async collect() {
			const values = (await feedResponses.get()).values;
			const count = (status: string) =>
				values.filter((v) => v.labels.status === status).reduce((sum, v) => sum + v.value, 0);
			const total = count('200') + count('304');
			this.set(total === 0 ? 0 : count('304') / total);
		}
	});

	let newestServed = 0;

	return {
		registry,
		/** One answered request; `seconds` from arrival to response. */
		request(method: string, route: string | null, status: number, seconds: number) {
			const label = route ?? 'unmatched';
			requests.inc({ method, route: label, status: String(status) });
			latency.observe({ method, route: label }, seconds);
		},
		/** One request of those answered at the early door (http/early-door.ts). */
		early(route: string) {
			earlyAnswers.inc({ route });
		},
		/** One content feed answer; its revision is read from the ETag the feed set ("r42.0-br"). */
		feed(status: number, url: URL, etag: string | null) {
			if (status !== 200 && status !== 304) return;
			const kind = url.searchParams.has('since') ? 'delta' : 'full';
			feedResponses.inc({ status: String(status), kind });
			const revision = Number(/^"r(\d+)/.exec(etag ?? '')?.[1]);
			// A delta cached a moment ago may carry an older revision than one already sent: keep the max.
			if (Number.isFinite(revision) && revision > newestServed) {
				newestServed = revision;
				feedRevision.set(revision);
			}
		}
	};
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * Serves `GET /metrics` on its own listener, so the public port never exposes it: bind it to
 * loopback (the default) or a private interface that only the monitoring system reaches.
 */
export function startMetricsServer(metrics: Metrics, port: number, host: string): Promise<Server> {
	const server = createServer((req, res) => {
		if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
			res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found\n');
			return;
		}
		metrics.registry.metrics().then(
			(text) =>
				res
					.writeHead(200, {
						'content-type': metrics.registry.contentType,
						'cache-control': 'no-store'
					})
					.end(text),
			(error: unknown) => res.writeHead(500).end(String(error))
		);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject).listen(port, host, () => resolve(server));
	});
}
