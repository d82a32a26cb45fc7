import { error } from '@sveltejs/kit';
import { mediaStore } from '$lib/server/media';
import type { RequestHandler } from './$types';

/** Photo renditions. Their names are content hashes, so a URL never changes meaning: cache forever. */
export const GET: RequestHandler = async ({ params }) => {
	const file = await mediaStore().get(params.file);
	if (!file) error(404, 'No such image');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.contentType,
			'cache-control': 'public, max-age=31536000, immutable',
			'content-length': String(file.bytes.byteLength)
		}
	});
};
