import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { buildId } from './scripts/build-id.js';
import { addEarlyDoor } from './scripts/early-door.js';

const node = adapter({ precompress: true });

/**
 * adapter-node plus an offline shell: a single-page-app fallback (what adapter-static writes as
 * 200.html), which the service worker precaches and serves for visitor navigations the network
 * cannot answer (src/lib/sw/navigation.ts). It is written beside the server rather than into the
 * static files, so that the app serves it (src/routes/shell.html) with the same headers as every
 * page, its Content-Security-Policy completed for the configured tile source. And the early door
 * in front of SvelteKit for answers kept in memory (scripts/early-door.js).
 * @type {import('@sveltejs/kit').Adapter}
 */
const adapterWithShell = {
	name: 'adapter-node-with-offline-shell',
	supports: node.supports,
	async adapt(builder) {
		await node.adapt(builder);
		const shell = 'build/offline-shell.html';
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
		// Content-Security-Policy: a nonce for every server-rendered page, hashes for the offline shell
		// (which is rendered once, at build time, into a <meta> policy). Scripts run only from the app's
		// own files or with that nonce or hash: no inline handlers, no eval. Styles may be inline
		// (Svelte writes style attributes). The directives that depend on the running server (tiles
		// in img-src and connect-src, default-src, frame-ancestors per route) are added by
		// src/lib/server/hooks/security-headers.ts: a <meta> policy with a build-time default-src
		// would block the tile source the operator configures at run time.
		csp: {
			mode: 'auto',
			directives: {
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['none'],
				'form-action': ['self']
			}
		},
		version: { name: buildId() }
	}
};

export default config;
