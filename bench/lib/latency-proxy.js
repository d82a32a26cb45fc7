// A proxy that holds every request one round trip before passing it to the app, as a phone's
// signal does: on loopback a request costs nothing to send, so what makes many small requests slow
// on a phone (the service worker's install, a page's scripts) does not show. Headers and bodies
// pass through unchanged, the Host header rewritten to the app's.
import http from 'node:http';

/** Starts the proxy on `port` in front of the app on `target`; resolves with a `close()`. */
export async function startLatencyProxy({ port, target, roundTripMs }) {
	const server = http.createServer((request, response) => {
		setTimeout(() => {
			const upstream = http.request(
				{
					host: '127.0.0.1',
					port: target,
					path: request.url,
					method: request.method,
					headers: { ...request.headers, host: `127.0.0.1:${target}` }
				},
				(answer) => {
					response.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(response);
				}
			);
			upstream.on('error', () => response.destroy());
			request.pipe(upstream);
		}, roundTripMs);
	});
	await new Promise((resolve, reject) =>
		server.once('error', reject).listen(port, '127.0.0.1', resolve)
	);
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(resolve);
			})
	};
}
