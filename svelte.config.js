import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildId } from './scripts/build-id.js';
import { addEarlyDoor } from './scripts/early-door.js';

const node = adapter({ precompress: true });

/**
 * adapter-node plus an offline shell: a single-page-app fallback (what adapter-static writes as
 * 200.html) in the client output, which the service worker precaches and serves for visitor
 * navigations the network cannot answer. See src/lib/sw/navigation.ts. And the early door in front
 * of SvelteKit for answers kept in memory (scripts/early-door.js).
 * @type {import('@sveltejs/kit').Adapter}
 */
const adapterWithShell = {
	name: 'adapter-node-with-offline-shell',
	supports: node.supports,
	async adapt(builder) {
		await node.adapt(builder);
		const shell = 'build/client/shell.html';
		await builder.generateFallback(shell);
		builder.log.minor(`Wrote the offline shell to ${shell}`);
		builder.log.minor(`Added the early door to ${addEarlyDoor('build')}`);
	}
};

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapterWithShell,
		// Small stylesheets go inside the page: on a slow network each extra request delays first paint.
		// The shell's stylesheet (header, navigation, badges: 6.6 kB) is one of them.
		inlineStyleThreshold: 8192,
		// SvelteKit bundles src/service-worker.ts; @vite-pwa/sveltekit injects the precache manifest
		// and $lib/offline/worker.ts registers it through workbox-window.
		serviceWorker: { register: false },
		// Forms are posted from the app's own pages only; SvelteKit rejects cross-site form posts.
		csrf: { trustedOrigins: [] },
		version: { name: buildId() }
	}
};

export default config;
