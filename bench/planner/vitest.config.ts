import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The planner is plain TypeScript with no SvelteKit at run time: a bare config with the $lib alias
// is enough, and keeps the app's plugins (paraglide, PWA) out of the measurement.
export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	test: {
		include: ['bench/planner/**/*.bench.ts'],
		benchmark: { include: ['bench/planner/**/*.bench.ts'] },
		env: { TZ: 'UTC' }
	}
});
