import type { EncodedBody, Encoding } from './encoded';
import { negotiateEncoding } from './encoded';

export interface Representation {
	/** Quoted opaque tag without encoding suffix, e.g. "r42.0". */
	etag: string;
	body: EncodedBody;
	contentType: string;
	cacheControl: string;
}

/** The tags an If-None-Match header lists, without weak prefixes or encoding suffixes. */
function requestedTags(header: string | null): string[] {
	if (!header) return [];
	return header.split(',').map((tag) =>
		tag
			.trim()
			.replace(/^W\//, '')
			.replace(/-(br|gzip)"$/, '"')
	);
}

/**
 * Answers a GET with a prepared representation: 304 when the client's tag matches, otherwise the
 * body in the best accepted encoding. Each encoding gets its own strong tag (RFC 9110 §8.8.3), but
 * any of them revalidates, since they all stand for the same content.
 */
export function respond(request: Request, rep: Representation): Response {
	const encoding: Encoding = negotiateEncoding(request.headers.get('accept-encoding'));
	const etag = encoding === 'identity' ? rep.etag : rep.etag.replace(/"$/, `-${encoding}"`);
	const headers = new Headers({
		etag,
		'cache-control': rep.cacheControl,
		vary: 'Accept-Encoding'
	});
	const tags = requestedTags(request.headers.get('if-none-match'));
	if (tags.includes(rep.etag) || tags.includes('*')) {
		return new Response(null, { status: 304, headers });
	}
	headers.set('content-type', rep.contentType);
	if (encoding !== 'identity') headers.set('content-encoding', encoding);
	const bytes = rep.body[encoding];
	headers.set('content-length', String(bytes.length));
	return new Response(request.method === 'HEAD' ? null : new Uint8Array(bytes), { headers });
}
