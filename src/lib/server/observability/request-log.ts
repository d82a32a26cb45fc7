/**
 * Structured logs: one JSON object per line on stdout, which a log shipper (journald, Vector,
 * Loki's promtail) parses without a grok pattern. What goes in is chosen field by field, never a
 * dump of the request, so cookies, form bodies (passwords) and tokens cannot leak by accident.
 */

/** Query parameters whose values are worth keeping in a log: the public API's own, nothing else. */
const keptParameters = new Set(['since', 'festival', 'lang']);

/**
 * The path with its query, every value outside the public API's parameters replaced by `…`: a
 * reset link, a `?token=` or a search for someone's name stays out of the log, while the
 * parameter names still tell what was asked.
 */
export function loggablePath(url: URL): string {
	if (!url.search) return url.pathname;
	const parts = [...url.searchParams].map(([name, value]) =>
		keptParameters.has(name)
			? `${encodeURIComponent(name)}=${encodeURIComponent(value)}`
			: `${encodeURIComponent(name)}=…`
	);
	return `${url.pathname}?${parts.join('&')}`;
}

export interface RequestRecord {
	requestId: string;
	method: string;
	/** SvelteKit's route id (`/admin/events/[id]`), null when no route matched. */
	route: string | null;
	url: URL;
	status: number;
	durationMs: number;
	/** Body bytes sent, when the response says (a streamed body has no length up front). */
	bytes: number | null;
}

/**
 * The request's log line (without the newline): a JSON object, written out by hand because it is
 * made for every request, in the fixed order time, level, msg, requestId, method, route, path,
 * status, durationMs, bytes.
 */
export function requestLine(record: RequestRecord, at = new Date()): string {
	const text = (value: string | null) => JSON.stringify(value ?? null);
	// A number JSON can hold, or null (a malformed Content-Length is not worth an invalid line).
	const number = (value: number | null) => (Number.isFinite(value) ? String(value) : 'null');
	return (
		`{"time":"${at.toISOString()}","level":"info","msg":"request",` +
		`"requestId":${text(record.requestId)},"method":${text(record.method)},` +
		`"route":${text(record.route)},"path":${text(loggablePath(record.url))},` +
		`"status":${number(record.status)},` +
		`"durationMs":${number(Math.round(record.durationMs * 10) / 10)},` +
		`"bytes":${number(record.bytes)}}`
	);
}

/** An error's log line: message and stack, with the request it broke when there is one. */
export function errorLine(
	error: unknown,
	context: { requestId?: string; route?: string | null; url?: URL; status?: number } = {},
	at = new Date()
): string {
	const err = error instanceof Error ? error : new Error(String(error));
	return JSON.stringify({
		time: at.toISOString(),
		level: 'error',
		msg: err.message,
		requestId: context.requestId,
		route: context.route,
		path: context.url ? loggablePath(context.url) : undefined,
		status: context.status,
		error: { name: err.name, stack: err.stack }
	});
}

/** An operational event (start, shutdown) in the same shape. */
export function eventLine(msg: string, fields: Record<string, unknown> = {}, at = new Date()) {
	return JSON.stringify({ time: at.toISOString(), level: 'info', msg, ...fields });
}

let pending = '';
let flushesAtExit = false;

/**
 * Where lines go: stdout, whole lines only, so lines from concurrent requests never interleave.
 * The lines of one turn of the event loop leave together in one write: stdout to a pipe or a file
 * is a blocking system call per write, which at thousands of requests a second cost as much as
 * answering them. At exit whatever is pending is written before the process ends.
 */
export function writeLine(line: string): void {
	if (!flushesAtExit) {
		process.once('exit', flushLines);
		flushesAtExit = true;
	}
	if (pending === '') setImmediate(flushLines);
	pending += `${line}\n`;
}

/** Writes the lines still pending (also run at exit). */
export function flushLines(): void {
	if (pending === '') return;
	const lines = pending;
	pending = '';
	process.stdout.write(lines);
}
