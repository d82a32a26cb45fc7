import { defineConfig, devices } from '@playwright/test';
import { existsSync } from 'node:fs';

/**
 * Browser tests run Debian's Chromium by default (`apt-get install chromium`); set CHROMIUM_PATH to
 * another binary, or to an empty string to use the browser `npx playwright install` downloads.
 */
const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');
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
		launchOptions: {
			executablePath: chromiumPath || undefined,
			// Without these, Chromium tries to reach Google's services at start and on a closed
			// network floods the logs with refused connections.
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			]
		}
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
			ENABLE_TEST_ROUTES: 'true'
		}
	}
});
