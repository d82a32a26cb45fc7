import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		// UI strings are compiled into tree-shakable functions; the locale comes from the URL and is
		// set by the root layout (src/lib/i18n), so no detection strategy is needed at run time.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['globalVariable', 'baseLocale']
		}),
		sveltekit()
	],
	// rrule ships ESM only through the `module` field, which Node ignores: bundle it for the server.
	ssr: { noExternal: ['rrule'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Opening hours and recurrence must not depend on the machine's zone; tests set TZ themselves.
		env: { TZ: 'UTC' }
	}
});
