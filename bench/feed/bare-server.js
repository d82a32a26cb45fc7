// The baseline for `npm run bench:feed`: a bare node:http server that answers /api/v1/content with
// the very bytes the app sent, and nothing else. The gap between the app and this is the cost of
// SvelteKit, the hooks and the feed lookup; the rest is Node and the network stack.
//
// Started by run.js with fork(), so it has an event loop of its own rather than sharing one with
// autocannon. Input comes from the environment; the port goes back over the IPC channel.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const body = readFileSync(process.env.BARE_BODY_FILE);
const etag = process.env.BARE_ETAG; // The br tag, e.g. "r74.0-br".
const cacheControl = process.env.BARE_CACHE_CONTROL;
// Like the app, accept the tag of any encoding: they all stand for the same content.
const matching = new Set([etag, etag.replace(/-(br|gzip)"$/, '"')]);

/** True when If-None-Match lists our tag (or `*`), the way the app compares it. */
function isFresh(ifNoneMatch) {
	if (!ifNoneMatch) return false;
	return ifNoneMatch
		.split(',')
		.map((tag) => tag.trim().replace(/^W\//, ''))
		.some((tag) => tag === '*' || matching.has(tag));
}

const server = createServer((req, res) => {
	const headers = { etag, 'cache-control': cacheControl, vary: 'Accept-Encoding' };
	if (isFresh(req.headers['if-none-match'])) {
		res.writeHead(304, headers).end();
		return;
	}
	res
		.writeHead(200, {
			...headers,
			'content-type': 'application/json; charset=utf-8',
			'content-encoding': 'br',
			'content-length': body.length
		})
		.end(body);
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));

// run.js kills us with SIGTERM; leave at once, there is nothing to flush.
process.on('SIGTERM', () => process.exit(0));
process.on('disconnect', () => process.exit(0));
