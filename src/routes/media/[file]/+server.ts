import { error } from '@sveltejs/kit';
import { byteRange } from '$lib/server/http/byte-range';
import { mediaStore } from '$lib/server/media';
import type { RequestHandler } from './$types';

/**
 * Photo renditions and narration recordings. Their names are content hashes, so a URL never
 * changes meaning: cache forever. Recordings are asked for in ranges when a visitor seeks.
 */
export const GET: RequestHandler = async ({ params, request }) => {
	const file = await mediaStore().get(params.file);
	if (!file) error(404, 'No such file');
	const size = file.bytes.byteLength;
	const headers: Record<string, string> = {
		'content-type': file.contentType,
		'cache-control': 'public, max-age=31536000, immutable',
		'accept-ranges': 'bytes'
	};
	const range = byteRange(request.headers.get('range'), size);
	if (range === 'unsatisfiable') {
		return new Response(null, {
			status: 416,
			headers: { ...headers, 'content-range': `bytes */${size}` }
		});
	}
	if (range) {
		const part = file.bytes.subarray(range.start, range.end + 1);
		return new Response(new Uint8Array(part), {
			status: 206,
			headers: {
				...headers,
				'content-range': `bytes ${range.start}-${range.end}/${size}`,
				'content-length': String(part.byteLength)
			}
		});
	}
	return new Response(new Uint8Array(file.bytes), {
		headers: { ...headers, 'content-length': String(size) }
	});
};
