// Serves the built app for the browser tests, the way `node build` would, on a database that starts
// empty every run (so the sample content is seeded relative to today and no state leaks between
// runs). One addition for tests only: POST /__e2e/new-worker makes /service-worker.js answer with
// different bytes, as a new deployment would, so the update flow can be tested without a rebuild.
import { readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';

const url = process.env.DATABASE_URL ?? '';
if (!url.startsWith('file:test-results/')) {
	throw new Error(`serve-e2e only wipes databases under test-results/, not ${url}`);
}
const root = new URL('..', import.meta.url).pathname;
rmSync(`${root}${url.slice('file:'.length)}`.replace(/[^/]+$/, ''), {
	recursive: true,
	force: true
});

const { handler } = await import('../build/handler.js');
const worker = readFileSync(`${root}build/client/service-worker.js`, 'utf8');
let deployments = 0;

const server = createServer((req, res) => {
	if (req.method === 'POST' && req.url === '/__e2e/new-worker') {
		deployments++;
		res.writeHead(204).end();
		return;
	}
	if (deployments > 0 && req.url?.split('?')[0] === '/service-worker.js') {
		res.writeHead(200, {
			'content-type': 'text/javascript; charset=utf-8',
			'cache-control': 'no-cache'
		});
		res.end(`${worker}\n// deployment ${deployments}\n`);
		return;
	}
	handler(req, res, () => res.writeHead(404).end('Not found'));
});
const port = Number(process.env.PORT ?? 4173);
server.listen(port, process.env.HOST ?? '127.0.0.1', () => console.log(`e2e server on ${port}`));
