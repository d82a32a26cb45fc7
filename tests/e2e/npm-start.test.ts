import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The README's run command, as a person types it in a terminal: `npm start` serves (the build the
 * browser tests just made is fresh, so it does not build again), says in one line where and how to
 * get into the console, and stops on Ctrl-C (SIGINT to the terminal's whole process group).
 * `.ci/check-start.js` proves the SIGTERM path on a clean clone.
 */
const port = Number(process.env.E2E_PORT ?? 4173) + 8;

test.setTimeout(120_000);

/**
 * Two requests on one kept-alive connection with `idleMs` between them: how a CDN or a load
 * balancer reuses its connections to the app. Answers the status lines that came back.
 */
async function reuseAfterIdle(idleMs: number): Promise<string[]> {
	const socket = connect(port, '127.0.0.1');
	let received = '';
	socket.on('data', (chunk) => (received += chunk.toString('latin1')));
	const closed = new Promise((resolve) => socket.once('close', resolve));
	const ask = () =>
		socket.write(
			`GET /healthz HTTP/1.1\r\nhost: localhost:${port}\r\nconnection: keep-alive\r\n\r\n`
		);
	// Not anchored to a line: an answer follows the last one's body directly.
	const answers = () => received.match(/HTTP\/1\.1 \d+/g) ?? [];
	try {
		await new Promise((resolve) => socket.once('connect', resolve));
		ask();
		await expect.poll(answers).toHaveLength(1);
		// The idle time is what is being tested: nothing to wait on but the clock.
		await new Promise((resolve) => setTimeout(resolve, idleMs));
		if (!socket.destroyed && socket.writable) ask();
		await Promise.race([expect.poll(answers).toHaveLength(2), closed]);
		return answers();
	} finally {
		socket.destroy();
	}
}

async function startAndStop(env: Record<string, string>) {
	const dir = mkdtempSync(join(tmpdir(), 'taibai-npm-start-'));
	const child = spawn('npm', ['start'], {
		detached: true,
		stdio: ['ignore', 'pipe', 'pipe'],
		env: {
			...process.env,
			PORT: String(port),
			DATABASE_URL: `file:${join(dir, 'start.sqlite')}`,
			...env
		}
	});
	let out = '';
	child.stdout.on('data', (chunk) => (out += chunk));
	child.stderr.on('data', (chunk) => (out += chunk));
	const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
		child.once('exit', (code, signal) => resolve({ code, signal }))
	);
	try {
		await expect
			.poll(() => out.includes('Taibai Lake Guide is serving'), { timeout: 90_000 })
			.toBe(true);
		const ready =
			out.split('\n').find((line) => line.startsWith('Taibai Lake Guide is serving')) ?? '';
		expect(out).not.toMatch(/Building the app/);
		const health = await fetch(`http://localhost:${port}/healthz`);
		expect(health.status).toBe(200);
		// Node closes idle connections after 5 s; a proxy in front keeps its own for up to a minute.
		expect(await reuseAfterIdle(6_000)).toEqual(['HTTP/1.1 200', 'HTTP/1.1 200']);
		// Ctrl-C in a terminal: SIGINT to the whole process group (npm and the server).
		process.kill(-(child.pid as number), 'SIGINT');
		const { code } = await exited;
		expect(code).toBe(0);
		await expect(fetch(`http://localhost:${port}/healthz`)).rejects.toThrow();
		return ready;
	} finally {
		if (child.exitCode === null) process.kill(-(child.pid as number), 'SIGKILL');
		rmSync(dir, { recursive: true, force: true });
	}
}

test('npm start in production says where it serves and gives the exact command for the first account, and Ctrl-C stops it', async () => {
	const ready = await startAndStop({ NODE_ENV: 'production' });
	expect(ready).toBe(
		`Taibai Lake Guide is serving http://localhost:${port}/ · editor console http://localhost:${port}/admin · no account yet, create the first one with: npm run admin -- create --email you@example.cn --name "Your Name" --role admin`
	);
});

test('npm start in development gives the demo login', async () => {
	const ready = await startAndStop({ NODE_ENV: 'development' });
	expect(ready).toContain('(demo login: demo@taibai.example / taibai-demo-2026)');
});
