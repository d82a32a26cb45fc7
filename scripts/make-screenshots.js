// Takes the screenshots the web app manifest offers in the install dialog and the README shows:
// `npm run build && node scripts/make-screenshots.js`. It serves the build on a throwaway database.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchOptions } from './chromium.js';

const root = new URL('..', import.meta.url).pathname;
const port = 4391;
const data = mkdtempSync(join(tmpdir(), 'taibai-shots-'));
const server = spawn('node', ['build/index.js'], {
	cwd: root,
	env: {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: `http://127.0.0.1:${port}`,
		DATABASE_URL: `file:${data}/shots.sqlite`
	},
	stdio: 'ignore'
});

try {
	for (let i = 0; i < 60; i++) {
		const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(
			(r) => r.ok,
			() => false
		);
		if (up) break;
		await new Promise((r) => setTimeout(r, 500));
	}
	const browser = await chromium.launch(launchOptions);
	const shots = [
		{ path: '/', file: 'static/screenshots/home-narrow.png', width: 360, height: 740 },
		{ path: '/en', file: 'static/screenshots/home-wide.png', width: 1280, height: 800 },
		{
			path: '/en/festivals/spring-lantern-fair',
			file: 'docs/screenshot-festival.png',
			width: 360,
			height: 740
		},
		{ path: '/', file: 'docs/screenshot-home.png', width: 360, height: 740 }
	];
	for (const shot of shots) {
		const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height } });
		await page.route(/tile\.openstreetmap\.org|tianditu\.gov\.cn/, (r) => r.abort());
		await page.goto(`http://127.0.0.1:${port}${shot.path}`, { waitUntil: 'networkidle' });
		await page.screenshot({ path: join(root, shot.file) });
		await page.close();
	}
	await browser.close();
	console.log('Wrote', shots.map((s) => s.file).join(', '));
} finally {
	server.kill();
	rmSync(data, { recursive: true, force: true });
}
