import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// rrule ships ESM only through the `module` field, which Node ignores: bundle it for the server.
	ssr: { noExternal: ['rrule'] },
	test: {
		include: ['tests/unit/**/*.test.ts'],
		environment: 'node',
		// Opening hours and recurrence must not depend on the machine's zone; tests set TZ themselves.
		env: { TZ: 'UTC' }
	}
});
