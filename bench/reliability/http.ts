// Requests exactly as written (no client-side normalisation of paths or bodies), on kept-alive
// connections: the bench sends tens of thousands of them.
import http from 'node:http';

export interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
	text: () => string;
}

export interface RequestOptions {
	method?: string;
	path: string;
	headers?: Record<string, string>;
	body?: Buffer | string;
	timeoutMs?: number;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
/** Bodies above this are written in pieces of this size. */
const piece = 64 * 1024;

/** How many requests went again after a kept-alive connection was reset under them. */
export const resent = { count: 0 };

/**
 * Sends a request; once more, on a fresh connection, if the server had already closed the kept-alive
 * connection it went out on (Node's documented race: the server's idle timeout ends the connection
 * as the client reuses it, and the request never reached the app: the client reads a reset, or
 * fails to write the body). Anything else is an answer or
 * an error the figure counts.
 */
export async function send(origin: string, options: RequestOptions): Promise<Answer> {
	try {
		return await attempt(origin, options);
	} catch (error) {
		if (!(error instanceof ResetReusedConnection)) throw error;
		resent.count++;
		return attempt(origin, options);
	}
}

class ResetReusedConnection extends Error {}

function attempt(origin: string, options: RequestOptions): Promise<Answer> {
	const url = new URL(origin);
	const body = typeof options.body === 'string' ? Buffer.from(options.body) : options.body;
	// A big body may be answered before it is all sent (a 413, a 415, a redirect): its connection
	// is then mid-body, and a next request on it would be read by the server as the rest of this
	// body and never answered. So it goes on a connection of its own, ended here once answered.
	// That connection is kept-alive, as a browser's or the README's proxy's is: asked to close,
	// Node's server closes at once after an early answer with the body still arriving, and the
	// reset can reach the client before the answer does (RFC 9112 §9.6) — not what phones see.
	const own = body && body.length > piece ? new http.Agent({ keepAlive: true }) : undefined;
	return new Promise((resolve, reject) => {
		const req = http.request(
			{
				host: url.hostname,
				port: url.port,
				method: options.method ?? 'GET',
				path: options.path,
				agent: own ?? agent,
				headers: {
					...(options.headers ?? {}),
					...(body ? { 'content-length': String(body.length) } : {})
				}
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (chunk: Buffer) => chunks.push(chunk));
				res.on('end', () => {
					own?.destroy();
					const all = Buffer.concat(chunks);
					resolve({
						status: res.statusCode ?? 0,
						headers: res.headers,
						body: all,
						text: () => all.toString('utf8')
					});
				});
				res.on('error', reject);
			}
		);
		req.setTimeout(options.timeoutMs ?? 60_000, () => req.destroy(new Error('timed out')));
		// A server may answer before it has read the body (413 for an oversize one, a redirect for a
		// post without a session) and close the connection: the answer counts, the failed write of
		// the rest does not. A big body goes in pieces, so that an early answer is read between them
		// (written at once, the failed write could tear the connection down before the answer is).
		let answered = false;
		req.on('response', () => (answered = true));
		req.on('error', (error: NodeJS.ErrnoException) => {
			own?.destroy();
			if (answered) return;
			reject(
				req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')
					? new ResetReusedConnection(error.message)
					: error
			);
		});
		if (!body || body.length <= piece) {
			req.end(body);
			return;
		}
		void (async () => {
			for (let at = 0; at < body.length && !answered && !req.destroyed; at += piece) {
				if (!req.write(body.subarray(at, at + piece))) {
					// Both listeners go once either fires: a long body waits here many times.
					await new Promise<void>((resolve) => {
						const go = () => {
							req.off('drain', go);
							req.off('close', go);
							resolve();
						};
						req.on('drain', go);
						req.on('close', go);
					});
				}
			}
			if (!req.destroyed) req.end();
		})();
	});
}

/** Closes the kept-alive connections (before a server is killed, and at the end). */
export function dropConnections(): void {
	agent.destroy();
}

/** An urlencoded form body from pairs, values given as already-encoded text or as raw bytes. */
export function urlencoded(pairs: [string, string][]): string {
	return pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
}

/** A multipart/form-data body; a Buffer value with a filename becomes a file part. */
export function multipart(
	parts: { name: string; value: string | Buffer; filename?: string; type?: string }[]
): { body: Buffer; type: string } {
	const boundary = `----taibai${Math.random().toString(16).slice(2)}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const disposition = `form-data; name="${part.name}"${part.filename === undefined ? '' : `; filename="${part.filename}"`}`;
		const head =
			`--${boundary}\r\ncontent-disposition: ${disposition}\r\n` +
			(part.type ? `content-type: ${part.type}\r\n` : '') +
			'\r\n';
		chunks.push(Buffer.from(head), Buffer.from(part.value), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`));
	return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}
