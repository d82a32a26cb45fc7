// Run by .ci/run after `npm ci`: the README's run command, exactly as written, must serve the app.
// Starts `npm start` on a throw-away database, waits for /healthz, fetches the home page, an event
// page and the feed, then sends SIGTERM (what a process manager sends) and requires exit code 0.
// A start command that serves nothing fails CI here.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.CI_START_PORT ?? 3000);
const origin = `http://localhost:${port}`;
const dir = mkdtempSync(join(tmpdir(), 'taibai-start-'));
const startTimeoutMs = 600_000;

function fail(message) {
	console.error(`npm start check FAILED: ${message}`);
	process.exitCode = 1;
}

const child = spawn('npm', ['start'], {
	stdio: ['ignore', 'pipe', 'inherit'],
	env: { ...process.env, PORT: String(port), DATABASE_URL: `file:${join(dir, 'ci.sqlite')}` }
});
let out = '';
child.stdout.on('data', (chunk) => {
	out += chunk;
	process.stdout.write(chunk);
});
const exited = new Promise((resolve) =>
	child.once('exit', (code, signal) => resolve({ code, signal }))
);

async function get(path) {
	const response = await fetch(`${origin}${path}`, { redirect: 'manual' });
	const body = await response.text();
	if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}`);
	return body;
}

async function waitForHealth() {
	const deadline = Date.now() + startTimeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null)
			throw new Error(`npm start exited ${child.exitCode} without serving`);
		const ok = await fetch(`${origin}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (ok) return;
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(`nothing answered ${origin}/healthz within ${startTimeoutMs / 1000} s`);
}

try {
	await waitForHealth();
	const home = await get('/');
	if (!home.includes('<html')) throw new Error('the home page is not HTML');
	const feed = JSON.parse(await get('/api/v1/content'));
	const event = feed.events?.find((e) => e.status === 'published');
	if (!event) throw new Error('the feed has no published event');
	const page = await get(`/events/${event.slug}`);
	if (!page.includes(event.title.zh)) throw new Error(`/events/${event.slug} lacks its title`);
	if (!/Taibai Lake Guide is serving .*\/admin/.test(out)) {
		throw new Error('npm start did not print its ready line');
	}
	console.log(
		`npm start served: /healthz, /, /events/${event.slug} and /api/v1/content (revision ${feed.revision})`
	);
} catch (error) {
	fail(error instanceof Error ? error.message : String(error));
} finally {
	child.kill('SIGTERM');
	const timer = setTimeout(() => child.kill('SIGKILL'), 40_000);
	const { code, signal } = await exited;
	clearTimeout(timer);
	if (code !== 0) fail(`after SIGTERM npm start exited with ${code ?? signal}, not 0`);
	else console.log('npm start stopped on SIGTERM and exited 0');
	rmSync(dir, { recursive: true, force: true });
}
