import type { Handle } from '@sveltejs/kit';
import { nonceToHashes } from '../security/shared-page-policy';
import { isSharedPage } from './page-cache';

/**
 * Visitor pages are kept and served again to other visitors (hooks/page-cache.ts, the early door),
 * so their scripts are allowed by hash rather than by this render's nonce (see
 * security/shared-page-policy.ts). Runs on the finished HTML (after the start-up script's rewrite,
 * before compression) and on SvelteKit's own policy (before the security headers complete it).
 * The console's pages, never shared, keep a fresh nonce per response.
 */
export const sharedPagePolicy: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const policy = response.headers.get('content-security-policy');
	const type = response.headers.get('content-type') ?? '';
	if (!policy?.includes("'nonce-") || !type.startsWith('text/html') || !isSharedPage(event)) {
		return response;
	}
	const page = nonceToHashes(await response.text(), policy);
	const headers = new Headers(response.headers);
	headers.set('content-security-policy', page.policy);
	headers.delete('content-length');
	return new Response(page.html, { status: response.status, headers });
};
