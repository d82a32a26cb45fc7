// Serves the built app for the browser tests on a database that starts empty every run, so the
// sample content is seeded relative to today and no state leaks from one run into the next.
import { rmSync } from 'node:fs';

const url = process.env.DATABASE_URL ?? '';
if (!url.startsWith('file:test-results/')) {
	throw new Error(`serve-e2e only wipes databases under test-results/, not ${url}`);
}
rmSync(new URL(`../${url.slice('file:'.length)}`, import.meta.url).pathname.replace(/[^/]+$/, ''), {
	recursive: true,
	force: true
});
await import('../build/index.js');
