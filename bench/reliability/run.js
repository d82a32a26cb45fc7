// `npm run bench:reliability`: what holds under attack, faults and load, one line per figure.
// The bench is TypeScript that shares the test suites' helpers (the generated access matrix) and the
// app's own modules; Vite's module runner loads it without a build, as scripts/ops.js does.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, run } from '../lib/app.js';

if (!existsSync(join(root, '.svelte-kit', 'tsconfig.json'))) {
	spawnSync('npx', ['svelte-kit', 'sync'], { cwd: root, stdio: 'inherit' });
}

const { createServer } = await import('vite');
const loader = await createServer({
	root,
	configFile: false,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false },
	optimizeDeps: { noDiscovery: true, include: [] },
	resolve: {
		alias: {
			$lib: join(root, 'src/lib'),
			// As in scripts/ops.js: rrule's ES module build is reachable only through `module`.
			rrule: join(root, 'node_modules/rrule/dist/esm/index.js')
		}
	},
	ssr: { noExternal: ['rrule'] }
});

await run(async () => {
	try {
		const { main } = await loader.ssrLoadModule(join(root, 'bench/reliability/main.ts'));
		process.exitCode = await main();
	} finally {
		await loader.close();
	}
});
