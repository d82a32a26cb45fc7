import { error } from '@sveltejs/kit';
import { readRendition } from '$lib/server/media/images';
import type { RequestHandler } from './$types';

/** Photo renditions. Their names are content hashes, so a URL never changes meaning: cache forever. */
export const GET: RequestHandler = async ({ params }) => {
	const file = await readRendition(params.file);
	if (!file) error(404, 'No such image');
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': 'image/webp',
			'cache-control': 'public, max-age=31536000, immutable',
			'content-length': String(file.byteLength)
		}
	});
};
