// `npm start`: build when the sources are newer than the build, then serve it. Migrations and the
// sample seed run inside the server's start-up (src/lib/server/app.ts), so they also run for
// `node build` behind a process manager.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

// Settings may live in a .env file beside package.json (see .env.example); real variables win.
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
// adapter-node assumes https when it does not know the public origin; a local start is plain http.
if (!process.env.ORIGIN && !process.env.PROTOCOL_HEADER) {
	process.env.ORIGIN = `http://localhost:${process.env.PORT ?? 3000}`;
}
// Editors upload photos of up to 10 MB; adapter-node refuses request bodies over 512 kB by default.
process.env.BODY_SIZE_LIMIT ??= '12M';
const inputs = ['src', 'static', 'package.json', 'svelte.config.js', 'vite.config.ts'];
const output = join(root, 'build', 'index.js');

function newest(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const stale =
	!existsSync(output) ||
	inputs.some(
		(input) => existsSync(join(root, input)) && newest(join(root, input)) > statSync(output).mtimeMs
	);

if (stale) {
	console.log('Building the app (sources changed since the last build)…');
	const result = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (result.status !== 0) process.exit(result.status ?? 1);
}
