import type { Server } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { liveness, readiness } from '$lib/server/lifecycle';
import { createMetrics, startMetricsServer } from '$lib/server/observability/metrics';
import { errorLine, loggablePath, requestLine } from '$lib/server/observability/request-log';
import { testStore } from '../helpers/store';

const servers: Server[] = [];
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

describe('request logs', () => {
	it('keep the public API parameters and blank every other query value', () => {
		const url = new URL('http://x/api/v1/content?since=42&token=abc123&password=hunter2');
		expect(loggablePath(url)).toBe('/api/v1/content?since=42&token=…&password=…');
		expect(loggablePath(new URL('http://x/events'))).toBe('/events');
	});

	it('write one JSON line with time, method, route, path, status, duration, bytes and id', () => {
		const line = requestLine(
			{
				requestId: 'req-1',
				method: 'GET',
				route: '/events/[slug]',
				url: new URL('http://x/events/lantern?next=secret'),
				status: 200,
				durationMs: 3.14159,
				bytes: 512
			},
			new Date('2026-11-28T08:00:00Z')
		);
		expect(line).not.toContain('\n');
		expect(JSON.parse(line)).toEqual({
			time: '2026-11-28T08:00:00.000Z',
			level: 'info',
			msg: 'request',
			requestId: 'req-1',
			method: 'GET',
			route: '/events/[slug]',
			path: '/events/lantern?next=…',
			status: 200,
			durationMs: 3.1,
			bytes: 512
		});
	});

	it('stay one valid JSON line whatever a request carries', () => {
		fc.assert(
			fc.property(
				fc.record({
					requestId: fc.string(),
					method: fc.string(),
					route: fc.option(fc.string(), { nil: null }),
					path: fc.webPath(),
					query: fc.array(fc.tuple(fc.string(), fc.string()), { maxLength: 3 }),
					status: fc.integer({ min: 100, max: 599 }),
					durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
					bytes: fc.option(fc.oneof(fc.nat(), fc.constant(Number.NaN)), { nil: null })
				}),
				(r) => {
					const url = new URL(`http://x${r.path.startsWith('/') ? '' : '/'}${r.path}`);
					for (const [name, value] of r.query) url.searchParams.append(name, value);
					const line = requestLine({ ...r, url });
					expect(line).not.toContain('\n');
					expect(JSON.parse(line)).toEqual({
						time: expect.any(String),
						level: 'info',
						msg: 'request',
						requestId: r.requestId,
						method: r.method,
						route: r.route,
						path: loggablePath(url),
						status: r.status,
						durationMs: Math.round(r.durationMs * 10) / 10,
						bytes: Number.isFinite(r.bytes) ? r.bytes : null
					});
				}
			)
		);
	});

	it('write errors as JSON with the request id and the stack', () => {
		const parsed = JSON.parse(
			errorLine(new Error('database is locked'), { requestId: 'req-2', status: 500 })
		);
		expect(parsed).toMatchObject({ level: 'error', msg: 'database is locked', requestId: 'req-2' });
		expect(parsed.error.stack).toMatch(/database is locked\n\s+at /);
	});
});

describe('metrics', () => {
	it('count requests and time them by route id, not by path', async () => {
		const metrics = createMetrics();
		metrics.request('GET', '/events/[slug]', 200, 0.004);
		metrics.request('GET', '/events/[slug]', 200, 0.2);
		metrics.request('GET', null, 404, 0.001);
		const text = await metrics.registry.metrics();
		expect(text).toContain(
			'taibai_http_requests_total{method="GET",route="/events/[slug]",status="200"} 2'
		);
		expect(text).toContain(
			'taibai_http_requests_total{method="GET",route="unmatched",status="404"} 1'
		);
		expect(text).toContain(
			'taibai_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/events/[slug]"} 1'
		);
		expect(text).toContain(
			'taibai_http_request_duration_seconds_count{method="GET",route="/events/[slug]"} 2'
		);
	});

	it('report the feed revisions served and the share of 304 answers', async () => {
		const metrics = createMetrics();
		const feed = new URL('http://x/api/v1/content?since=3');
		metrics.feed(200, new URL('http://x/api/v1/content'), '"r7.0-br"');
		metrics.feed(304, feed, '"r7.0-br"');
		metrics.feed(304, feed, '"r5.0"');
		metrics.feed(400, feed, null);
		const text = await metrics.registry.metrics();
		expect(text).toContain('taibai_feed_responses_total{status="200",kind="full"} 1');
		expect(text).toContain('taibai_feed_responses_total{status="304",kind="delta"} 2');
		expect(text).toContain('taibai_feed_revision_served 7');
		expect(text).toMatch(/taibai_feed_not_modified_ratio 0\.666/);
	});

	it('are served on their own loopback listener and nowhere else on it', async () => {
		const metrics = createMetrics();
		metrics.request('GET', '/', 200, 0.01);
		const server = await startMetricsServer(metrics, 0, '127.0.0.1');
		servers.push(server);
		const address = server.address();
		if (!address || typeof address === 'string') throw new Error('no address');
		expect(address.address).toBe('127.0.0.1');
		const base = `http://127.0.0.1:${address.port}`;
		const response = await fetch(`${base}/metrics`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		expect(await response.text()).toContain('taibai_process_cpu_seconds_total');
		expect((await fetch(`${base}/`)).status).toBe(404);
	});
});

describe('liveness and readiness', () => {
	it('reports the process alive even while the database is not, with no revision then', async () => {
		const store = await testStore();
		expect(await liveness(store)).toEqual({ status: 'ok', revision: 0 });
		await store.close();
		expect(await liveness(store)).toEqual({ status: 'ok', revision: null });
	});

	it('is ready while the database answers and not once it is closed', async () => {
		const store = await testStore();
		expect(await readiness(store)).toEqual({ ready: true });
		await store.close();
		expect(await readiness(store)).toEqual({ ready: false, reason: 'database unreachable' });
	});
});
