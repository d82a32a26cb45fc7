import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter({ precompress: true }),
		// Forms are posted from the app's own pages only; SvelteKit rejects cross-site form posts.
		csrf: { trustedOrigins: [] }
	}
};

export default config;
