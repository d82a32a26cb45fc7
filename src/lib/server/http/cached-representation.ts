import type { EncodedBody, Encoding } from './encoded';
import { negotiateEncoding } from './encoded';

export interface Representation {
	/** Quoted opaque tag without encoding suffix, e.g. "r42.0". */
	etag: string;
	body: EncodedBody;
	contentType: string;
	cacheControl: string;
}

/** What to send: plain data, so node:http (http/early-door.ts) and SvelteKit send the same. */
export interface Answer {
	status: 200 | 304;
	headers: Readonly<Record<string, string>>;
	/** null for a 304 and for HEAD. */
	body: Buffer | null;
}

// The few answers a representation gives (status × encoding × HEAD), made once each: a hot answer
// allocates nothing.
const answersOf = new WeakMap<Representation, Map<string, Answer>>();

/** The tags an If-None-Match header lists, without weak prefixes or encoding suffixes. */
function requestedTags(header: string): string[] {
	return header.split(',').map((tag) =>
		tag
			.trim()
			.replace(/^W\//, '')
			.replace(/-(br|gzip)"$/, '"')
	);
}

/** Whether If-None-Match names this representation (in any encoding) or `*`. */
function matches(ifNoneMatch: string | null | undefined, etag: string, sentTag: string): boolean {
	if (!ifNoneMatch) return false;
	// What a phone sends back nearly always: the very tag it was given.
	if (ifNoneMatch === sentTag || ifNoneMatch === etag) return true;
	const tags = requestedTags(ifNoneMatch);
	return tags.includes(etag) || tags.includes('*');
}

/**
 * Answers a GET or HEAD with a prepared representation: 304 when the client's tag matches,
 * otherwise the body in the best accepted encoding. Each encoding gets its own strong tag (RFC 9110
 * §8.8.3), but any of them revalidates, since they all stand for the same content. No body is
 * built or compressed here: a hot answer is a few header strings and a buffer already made.
 */
export function answer(
	method: string,
	acceptEncoding: string | null | undefined,
	ifNoneMatch: string | null | undefined,
	rep: Representation
): Answer {
	const encoding: Encoding = negotiateEncoding(acceptEncoding ?? null);
	const etag = encoding === 'identity' ? rep.etag : rep.etag.replace(/"$/, `-${encoding}"`);
	const status = matches(ifNoneMatch, rep.etag, etag) ? 304 : 200;
	const head = method === 'HEAD';
	let answers = answersOf.get(rep);
	if (!answers) answersOf.set(rep, (answers = new Map()));
	const key = `${status} ${encoding} ${head}`;
	let made = answers.get(key);
	if (!made) answers.set(key, (made = makeAnswer(rep, status, encoding, etag, head)));
	return made;
}

function makeAnswer(
	rep: Representation,
	status: 200 | 304,
	encoding: Encoding,
	etag: string,
	head: boolean
): Answer {
	const headers: Record<string, string> = {
		etag,
		'cache-control': rep.cacheControl,
		vary: 'Accept-Encoding'
	};
	if (status === 304) return { status, headers, body: null };
	headers['content-type'] = rep.contentType;
	if (encoding !== 'identity') headers['content-encoding'] = encoding;
	const bytes = rep.body[encoding];
	headers['content-length'] = String(bytes.length);
	return { status, headers, body: head ? null : bytes };
}

/** The same answer as a web Response, for SvelteKit endpoints. */
export function respond(request: Request, rep: Representation): Response {
	const { status, headers, body } = answer(
		request.method,
		request.headers.get('accept-encoding'),
		request.headers.get('if-none-match'),
		rep
	);
	return new Response(body && new Uint8Array(body), { status, headers });
}
