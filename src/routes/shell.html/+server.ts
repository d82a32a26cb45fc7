import { offlineShellResponse } from '$lib/server/security/offline-shell';
import type { RequestHandler } from './$types';

/** The offline shell the service worker precaches (see $lib/sw/navigation). */
export const GET: RequestHandler = ({ request }) =>
	offlineShellResponse(request.headers.get('if-none-match'));
