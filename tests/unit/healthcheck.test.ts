import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The README's watchdog command, run exactly as written but for the address. Asynchronously: the
 * servers it checks live in this process.
 */
function healthcheck(url: string, timeout = '1') {
	return new Promise<{ status: number | null; stderr: string }>((resolve) => {
		execFile(
			'npm',
			['run', '--silent', 'healthcheck', '--', '--url', url, '--timeout', timeout],
			{ encoding: 'utf8' },
			(error, _stdout, stderr) => resolve({ status: error ? (error.code as number) : 0, stderr })
		);
	});
}

let server: Server | undefined;
const sockets: Socket[] = [];

async function listen(answer: ((res: import('node:http').ServerResponse) => void) | undefined) {
	server = createServer((_, res) => answer?.(res));
	server.on('connection', (s) => sockets.push(s));
	await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
}

afterEach(async () => {
	for (const s of sockets.splice(0)) s.destroy();
	await new Promise((resolve) => server?.close(resolve));
	server = undefined;
});

describe('the watchdog health check', () => {
	it('passes when the server answers its liveness check', async () => {
		const url = await listen((res) => res.end('{"status":"ok"}'));
		const result = await healthcheck(url);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	it('fails when the server accepts connections but never answers (a stuck event loop)', async () => {
		const url = await listen(undefined);
		const result = await healthcheck(url);
		expect(result.status).toBe(1);
		expect(result.stderr).toMatch(/no answer within 1 s/);
	});

	it('fails when nothing listens, and when the answer is not 200', async () => {
		const closed = await listen(undefined);
		await new Promise((resolve) => server?.close(resolve));
		const refused = await healthcheck(closed);
		expect(refused.status).toBe(1);
		expect(refused.stderr).toMatch(/not answering: ECONNREFUSED/);
		const url = await listen((res) => res.writeHead(503).end());
		const unhealthy = await healthcheck(url);
		expect(unhealthy.status).toBe(1);
		expect(unhealthy.stderr).toMatch(/answered 503/);
	});
});
