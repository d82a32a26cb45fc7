import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { earlyDoorHeaders } from '../hooks/security-headers';
import { recordRequest, requestIdOf } from '../observability/record';
import type { Answer } from './cached-representation';

/** What an early answerer sees of a request: no body, nothing parsed beyond this. */
export interface EarlyRequest {
	method: string;
	/** The request target as sent: path and query. */
	target: string;
	path: string;
	/** Everything after `?` ('' without one). */
	query: string;
	headers: IncomingHttpHeaders;
}

/** An answer, with the SvelteKit route id the same answer would have come from (logs, metrics). */
export type EarlyAnswer = Omit<Answer, 'status'> & { status: number; route: string };

/** Answers what it can from memory, synchronously; undefined sends the request on to SvelteKit. */
export type EarlyAnswerer = (request: EarlyRequest) => EarlyAnswer | undefined;

export type EarlyDoor = (req: IncomingMessage, res: ServerResponse) => boolean;

/**
 * An answer's headers as node:http takes them fastest, with the headers every response carries:
 * a flat [name, value, …] list made once per (kept) header object, to which each request adds
 * only its id. Spreading header objects per request cost more than the rest of the door.
 */
const wires = new WeakMap<object, string[]>();
function wireOf(headers: Readonly<Record<string, string>>): string[] {
	let wire = wires.get(headers);
	if (!wire) {
		wire = Object.entries({ ...earlyDoorHeaders(), ...headers }).flat();
		wires.set(headers, wire);
	}
	return wire;
}

/** Where the adapter's handler looks for the door (see scripts/early-door.js). */
const doorKey = Symbol.for('taibai.earlyDoor');

/**
 * The hottest answers (a feed 304 to every phone that checks for news, a visitor page kept in
 * memory) cost most of their time in SvelteKit turning node:http's request into a web Request and
 * the Response back: that conversion alone makes an empty 304 cost 3.6 times a bare node:http
 * server's answer (8,100 against 29,400 a second, in one run on this project's machine). This door stands in front of it and answers, in node:http terms, what the answerers
 * find in memory. Whatever it answers is sent and reported as SvelteKit's hooks would (security
 * headers, request id, log line, metrics); everything else goes through SvelteKit unchanged.
 */
export function earlyDoor(answerers: readonly EarlyAnswerer[]): EarlyDoor {
	return (req, res) => {
		const started = performance.now();
		const target = req.url ?? '/';
		const mark = target.indexOf('?');
		const request: EarlyRequest = {
			method: req.method ?? 'GET',
			target,
			path: mark < 0 ? target : target.slice(0, mark),
			query: mark < 0 ? '' : target.slice(mark + 1),
			headers: req.headers
		};
		for (const answerer of answerers) {
			const answer = answerer(request);
			if (!answer) continue;
			const given = req.headers['x-request-id'];
			const requestId = requestIdOf(typeof given === 'string' ? given : undefined);
			res.writeHead(answer.status, wireOf(answer.headers).concat('x-request-id', requestId));
			res.end(answer.body ?? undefined);
			recordRequest({
				requestId,
				method: request.method,
				route: answer.route,
				// One parse, not two: the door only answers plain paths, never `//host` forms.
				url: new URL(`http://early-door.invalid${target}`),
				status: answer.status,
				durationMs: performance.now() - started,
				bytes:
					answer.headers['content-length'] === undefined
						? (answer.body?.length ?? 0)
						: Number(answer.headers['content-length']),
				etag: answer.headers.etag ?? null,
				early: true
			});
			return true;
		}
		return false;
	};
}

/** Puts the door in front of SvelteKit in the built server; nothing uses it under `vite dev`. */
export function openEarlyDoor(door: EarlyDoor): void {
	(globalThis as Record<symbol, unknown>)[doorKey] = door;
}
