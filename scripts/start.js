// `npm start`: build when the sources are newer than the build, then serve that build in this very
// process, as `node build` would. Migrations and the sample seed run inside the server's start-up
// (src/lib/server/app.ts), so they also run for `node build` behind a process manager. Serving in
// this process (rather than a child) means the signals reach adapter-node's own handlers: SIGTERM
// and SIGINT (Ctrl-C) stop accepting connections, let requests in flight finish, then exit 0.
// package.json runs this as `exec node scripts/start.js`: npm passes a SIGTERM on to its child, and a
// shell left in between (dash does not exec its last command) would die of it and orphan the server.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildIsStale } from './build-freshness.js';
import { readyLine } from './ready-line.js';

const root = new URL('..', import.meta.url).pathname;

// Settings may live in a .env file beside package.json (see .env.example); real variables win.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
// adapter-node assumes https when it does not know the public origin; a local start is plain http.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT ?? 3000}`;
}
// Editors upload photos of up to 10 MB and recordings of up to 30 MB; adapter-node refuses request
// bodies over 512 kB by default.
process.env.BODY_SIZE_LIMIT ??= '32M';
// A CDN or load balancer keeps connections to the app open for reuse, typically up to 60 s idle.
// Node closes an idle one after 5 s, and a request the proxy sends as it closes is lost (a 502 at
// the CDN; the reliability bench's client met the same race): idle connections outlive the proxy's.
process.env.KEEP_ALIVE_TIMEOUT ??= '65';
process.env.HEADERS_TIMEOUT ??= '66';

/** Builds, passing on a SIGTERM or Ctrl-C so that no build is left running without us. */
async function build() {
	const child = spawn('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	const stop = (signal) => child.kill(signal);
	process.on('SIGTERM', stop).on('SIGINT', stop);
	const [code, signal] = await once(child, 'exit');
	process.off('SIGTERM', stop).off('SIGINT', stop);
	if (signal) process.exit(1);
	if (code !== 0) process.exit(code ?? 1);
}

const output = join(root, 'build', 'index.js');
if (buildIsStale(root, output)) {
	console.log('Building the app (sources changed since the last build)…');
	await build();
}

// The server's start-up tells what a person needs to get into the console (see hooks.server.ts).
let facts;
process.once('taibai:started', (value) => (facts = value));
const { server } = await import(pathToFileURL(output).href);
const http = server.server;
if (!http.listening) await once(http, 'listening');
console.log(
	readyLine({ origin: process.env.ORIGIN ?? `http://localhost:${http.address().port}`, facts })
);
