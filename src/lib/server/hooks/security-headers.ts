import type { Handle } from '@sveltejs/kit';

/** Headers every response should carry; pages are never stored by shared caches. */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('x-content-type-options', 'nosniff');
	response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
	const type = response.headers.get('content-type') ?? '';
	if (type.startsWith('text/html') && !response.headers.has('cache-control')) {
		response.headers.set('cache-control', 'private, no-cache');
	}
	return response;
};
