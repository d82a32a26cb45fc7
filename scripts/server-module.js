// Loads one of the server's TypeScript modules for an operator command (`npm run admin`,
// `npm run backup`, …), so the command runs the server's own code, not a copy of it. Vite's module
// runner transforms it without a build, with the server's `$lib` alias.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

/** Reads `.env` beside package.json like `npm start` does (real environment variables win). */
export function loadEnv() {
	if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));
}

/** The module at `path` (relative to the project), with its exports. */
export async function serverModule(path) {
	// The TypeScript transform follows tsconfig.json, which extends SvelteKit's generated one.
	if (!existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) {
		spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' });
	}
	const { runnerImport } = await import('vite');
	const { module } = await runnerImport(join(root, path), {
		root,
		configFile: false,
		logLevel: 'silent',
		resolve: {
			alias: {
				$lib: join(root, 'src/lib'),
				// rrule publishes its ES module build only through `module`, which Node ignores (the
				// server build bundles it for the same reason, see vite.config.ts).
				rrule: join(root, 'node_modules/rrule/dist/esm/index.js')
			},
			noExternal: ['rrule']
		}
	});
	return module;
}
