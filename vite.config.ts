import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { buildId as currentBuildId } from './scripts/build-id.js';
import { visitorPrecache } from './scripts/precache-exclusions.js';
import { startupChunks } from './scripts/startup-chunks.js';
import { trimOpeningHours } from './scripts/trim-opening-hours.js';

// Changes with every build, so the offline shell is re-downloaded whenever the app changes.
const buildId = currentBuildId();
const startup = startupChunks();

export default defineConfig({
	define: { __BUILD_ID__: JSON.stringify(buildId) },
	plugins: [
		// UI strings are compiled into tree-shakable functions; the locale comes from the URL and is
		// set by the root layout (src/lib/i18n), so no detection strategy is needed at run time.
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['globalVariable', 'baseLocale']
		}),
		sveltekit(),
		startup.plugin,
		// The browser's copy of opening_hours without other countries' holidays (see the script).
		trimOpeningHours(),
		SvelteKitPWA({
			strategies: 'injectManifest',
			srcDir: 'src',
			filename: 'service-worker.ts',
			// Registered and updated by $lib/offline/worker.ts through workbox-window.
			injectRegister: false,
			registerType: 'prompt',
			// static/manifest.webmanifest is hand-written and linked from app.html.
			manifest: false,
			injectManifest: {
				globPatterns: ['client/**/*.{js,css,svg,png,webp,woff2,webmanifest}'],
				globIgnores: ['**/screenshots/**', '**/og-image.png'],
				// The adapter writes the shell after the worker is built, so no glob can see it.
				additionalManifestEntries: [{ url: '/shell.html', revision: buildId }],
				// Visitors never run the editor console offline: leave its code out of their download.
				manifestTransforms: [visitorPrecache]
			},
			devOptions: { enabled: false }
		})
	],
	// The code every visitor page runs travels in two chunks (see scripts/startup-chunks.js).
	build: { rolldownOptions: { output: { codeSplitting: { groups: startup.groups } } } },
	// The sync worker imports modules like the page does, opening_hours trimmed as for pages.
	worker: { format: 'es', plugins: () => [trimOpeningHours()] },
	// rrule ships ESM only through the `module` field, which Node ignores: bundle it for the server.
	ssr: { noExternal: ['rrule'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Checks the PostgreSQL the database suites also run against (or reports that they did not).
		globalSetup: ['tests/helpers/postgres-global-setup.ts'],
		// CI shares two cores with a browser and a build; database-backed tests need headroom.
		testTimeout: 20_000,
		// Opening hours and recurrence must not depend on the machine's zone; tests set TZ themselves.
		env: { TZ: 'UTC' }
	}
});
