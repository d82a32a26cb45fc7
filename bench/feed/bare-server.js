// The baseline for `npm run bench:feed`: a bare node:http server that answers each measured path
// with the very bytes and headers the app sent for it, and nothing else. The gap between the app
// and this is the cost of the app's own work per request (SvelteKit, hooks, caches); the rest is
// Node and the network stack.
//
// Started by run.js with fork(), so it has an event loop of its own rather than sharing one with
// autocannon. Input: BARE_ROUTES, a JSON file of { [path]: { headers, bodyFile } }; the port goes
// back over the IPC channel.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const routes = new Map(
	Object.entries(JSON.parse(readFileSync(process.env.BARE_ROUTES, 'utf8'))).map(
		([path, { headers, bodyFile }]) => {
			const etag = headers.etag;
			// Like the app, accept the tag of any encoding: they all stand for the same content.
			const matching = etag ? new Set([etag, etag.replace(/-(br|gzip)"$/, '"')]) : new Set();
			const notModified = Object.fromEntries(
				Object.entries(headers).filter(([name]) => !/^content-/.test(name))
			);
			return [path, { headers, body: readFileSync(bodyFile), matching, notModified }];
		}
	)
);

/** True when If-None-Match lists the route's tag (or `*`), the way the app compares it. */
function isFresh(route, ifNoneMatch) {
	if (!ifNoneMatch || route.matching.size === 0) return false;
	return ifNoneMatch
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === '*' || route.matching.has(tag));
}

const server = createServer((req, res) => {
	const route = routes.get(req.url);
	if (!route) {
		res.writeHead(404).end();
		return;
	}
	if (isFresh(route, req.headers['if-none-match'])) {
		res.writeHead(304, route.notModified).end();
		return;
	}
	res.writeHead(200, route.headers).end(route.body);
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

// run.js kills us with SIGTERM; leave at once, there is nothing to flush.
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
