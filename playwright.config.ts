import { defineConfig, devices } from '@playwright/test';
// Debian's Chromium by default (`apt-get install chromium`); CHROMIUM_PATH selects another binary,
// or, when empty, the browser `npx playwright install` downloads.
import { launchOptions } from './scripts/chromium.js';
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	fullyParallel: false,
	workers: 1,
	forbidOnly: true,
	retries: 0,
	reporter: process.env.CI ? 'line' : 'list',
	timeout: 30_000,
	use: {
		baseURL: `http://127.0.0.1:${port}`,
		trace: 'retain-on-failure',
		...devices['Pixel 7'],
		launchOptions
	},
	projects: [{ name: 'chromium' }],
	webServer: {
		// A fresh build and a fresh database seeded for today, served like `npm start` does.
		// The build is a production build whatever NODE_ENV the tests' server runs with.
		command:
			'env -u ENABLE_TEST_ROUTES NODE_ENV=production npx vite build && node scripts/serve-e2e.js',
		url: `http://127.0.0.1:${port}/healthz`,
		reuseExistingServer: false,
		timeout: 240_000,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: `http://127.0.0.1:${port}`,
			DATABASE_URL: 'file:test-results/e2e-data/e2e.sqlite',
			SEED: 'auto',
			NODE_ENV: 'test',
			ENABLE_TEST_ROUTES: 'true',
			// A tile source that allows bulk download, so the offline map area can be tested; the
			// fixture intercepts its host like the others, so no test reaches a tile server.
			TILE_SOURCE: 'xyz',
			TILE_URL: 'https://tiles.example.test/{z}/{x}/{y}.png',
			TILE_BULK_DOWNLOAD: 'true',
			TILE_ATTRIBUTION: 'Test tiles'
		}
	}
});
