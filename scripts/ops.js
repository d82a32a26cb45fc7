// `npm run backup -- FILE [--force]`, `npm run restore -- FILE [--force]` and `npm run verify`
// (see README, Backups).
//
// The work is done by the server's own TypeScript modules (src/lib/server/ops), so the command
// validates DATABASE_URL with the same config.ts and checks snapshots with the same queries as the
// server. Vite's module runner loads them without a build.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

// The TypeScript transform follows tsconfig.json, which extends SvelteKit's generated one.
if (!existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) {
	spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' });
}

const { runnerImport } = await import('vite');
const { module } = await runnerImport(join(root, 'src/lib/server/ops/cli.ts'), {
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
const [command, ...args] = process.argv.slice(2);
process.exitCode = await module.runOperation(command, args);
