import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { earlyDoor, type EarlyAnswer, type EarlyRequest } from '$lib/server/http/early-door';
import { appMetrics } from '$lib/server/observability/instance';

/**
 * A node:http server with the door in front of a stand-in for SvelteKit, as the built server has
 * it (scripts/early-door.js): the door answers `/kept`, everything else reaches the fallback.
 */
let server: Server;
let origin: string;
const seen: EarlyRequest[] = [];

beforeAll(async () => {
	const door = earlyDoor([
		(request): EarlyAnswer | undefined => {
			seen.push(request);
			if (request.path === '/kept-page') {
				return {
					route: '/(visitor)/page',
					status: 200,
					headers: {
						'content-type': 'text/html',
						'content-security-policy': "script-src 'self' 'sha256-abc'"
					},
					body: Buffer.from('<p>page</p>')
				};
			}
			if (request.path !== '/kept') return undefined;
			return {
				route: '/kept',
				status: 200,
				headers: { 'content-type': 'text/plain; charset=utf-8', 'content-length': '4' },
				body: Buffer.from('kept')
			};
		}
	]);
	server = createServer((req, res) => {
		if (!door(req, res)) res.writeHead(200, { 'content-type': 'text/plain' }).end('sveltekit');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

describe('the early door', () => {
	it('answers what an answerer holds, with the headers every response carries', async () => {
		const response = await fetch(`${origin}/kept?x=1`);
		expect(response.status).toBe(200);
		expect(await response.text()).toBe('kept');
		expect(response.headers.get('x-content-type-options')).toBe('nosniff');
		expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		// What SvelteKit's security hook gives an answer that is not a page: nothing may load or run.
		expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
		expect(response.headers.get('x-frame-options')).toBe('DENY');
		expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
		expect(response.headers.get('permissions-policy')).toContain('camera=()');
		expect(seen.at(-1)).toMatchObject({
			method: 'GET',
			target: '/kept?x=1',
			path: '/kept',
			query: 'x=1'
		});
	});

	it('sends a kept page with the policy it was rendered with, not the one for answers that are not pages', async () => {
		const response = await fetch(`${origin}/kept-page`);
		expect(response.headers.get('content-security-policy')).toBe("script-src 'self' 'sha256-abc'");
		expect(response.headers.get('x-frame-options')).toBe('DENY');
	});

	it('keeps a request id given by the proxy and refuses a malformed one', async () => {
		const given = await fetch(`${origin}/kept`, { headers: { 'x-request-id': 'nginx-42' } });
		expect(given.headers.get('x-request-id')).toBe('nginx-42');
		const forged = await fetch(`${origin}/kept`, { headers: { 'x-request-id': 'a b<script>' } });
		expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('sends everything else on to SvelteKit untouched', async () => {
		const response = await fetch(`${origin}/venues/x`);
		expect(await response.text()).toBe('sveltekit');
		expect(response.headers.has('x-request-id')).toBe(false);
	});

	it('logs and counts what it answers like SvelteKit’s hooks do', async () => {
		const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
		try {
			const response = await fetch(`${origin}/kept?since=5&token=secret`, {
				headers: { 'x-request-id': 'door-log-1' }
			});
			await response.text();
			await nextTurn();
			const lines = write.mock.calls
				.flatMap(([chunk]) => String(chunk).split('\n'))
				.filter((line) => line.includes('door-log-1'))
				.map((line) => JSON.parse(line));
			expect(lines).toEqual([
				expect.objectContaining({
					msg: 'request',
					requestId: 'door-log-1',
					method: 'GET',
					route: '/kept',
					path: '/kept?since=5&token=…',
					status: 200,
					bytes: 4
				})
			]);
		} finally {
			write.mockRestore();
		}
		const text = await appMetrics().registry.metrics();
		expect(text).toMatch(/taibai_http_early_answers_total\{route="\/kept"\} [1-9]/);
		expect(text).toMatch(
			/taibai_http_requests_total\{method="GET",route="\/kept",status="200"\} [1-9]/
		);
	});
});
