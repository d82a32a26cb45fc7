// A proxy between the browser and the app that can cut the next feed request at a chosen step:
// before any answer, after the status line and headers, part way through the body, one byte short
// of the end. Everything else passes through untouched.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Cut =
	'refuse' | 'no answer' | 'after headers' | 'first byte' | 'half the body' | 'last byte';
export const cuts: Cut[] = [
	'refuse',
	'no answer',
	'after headers',
	'first byte',
	'half the body',
	'last byte'
];

export interface CutProxy {
	origin: string;
	/** Cuts the next feed request at `cut`; resolves once it has been cut (with its status). */
	arm(cut: Cut): Promise<{ status: number; path: string }>;
	/** Feed requests seen, for waiting on the next sync. */
	feedRequests(): number;
	close(): Promise<void>;
}

const isFeed = (url: string | undefined) => /^\/api\/v1\/content(?:\?|$)/.test(url ?? '');

export async function startCutProxy(target: string, port: number): Promise<CutProxy> {
	const upstream = new URL(target);
	let armed: { cut: Cut; done: (r: { status: number; path: string }) => void } | undefined;
	let feeds = 0;
	const server = http.createServer((req, res) => {
		const cut = isFeed(req.url) ? armed : undefined;
		if (isFeed(req.url)) feeds++;
		if (cut) armed = undefined;
		const finish = (status: number) => cut?.done({ status, path: req.url ?? '' });
		if (cut?.cut === 'refuse') {
			req.socket.destroy();
			finish(0);
			return;
		}
		if (cut?.cut === 'no answer') {
			// The request arrives; the network dies before anything comes back.
			setTimeout(() => {
				req.socket.destroy();
				finish(0);
			}, 200);
			return;
		}
		const forward = http.request(
			{
				host: upstream.hostname,
				port: upstream.port,
				method: req.method,
				path: req.url,
				headers: { ...req.headers, host: upstream.host }
			},
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
				if (!cut) {
					answer.pipe(res);
					return;
				}
				const chunks: Buffer[] = [];
				answer.on('data', (c: Buffer) => chunks.push(c));
				answer.on('end', () => {
					const body = Buffer.concat(chunks);
					const keep =
						cut.cut === 'after headers'
							? 0
							: cut.cut === 'first byte'
								? 1
								: cut.cut === 'half the body'
									? Math.floor(body.length / 2)
									: body.length - 1;
					res.flushHeaders();
					if (keep > 0 && body.length) res.write(body.subarray(0, keep));
					// Give the bytes a moment on the wire, then the connection dies.
					setTimeout(() => {
						res.socket?.destroy();
						finish(answer.statusCode ?? 0);
					}, 100);
				});
			}
		);
		forward.on('error', () => res.socket?.destroy());
		req.pipe(forward);
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		origin,
		arm: (cut) => new Promise((resolve) => (armed = { cut, done: resolve })),
		feedRequests: () => feeds,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
