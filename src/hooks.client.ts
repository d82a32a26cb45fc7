import type { ClientInit } from '@sveltejs/kit';
import { nonVisitorPath } from '$lib/i18n/paths';
import { readFromMirror } from '$lib/offline';

/**
 * A server-rendered page hydrates from the data inlined in its HTML (after its first paint, see
 * $lib/server/hooks/script-priority.ts). The offline shell has none: it must read the phone's
 * mirror from the very first load, before anything renders.
 */
export const init: ClientInit = () => {
	const serverRendered = document.querySelector('script[data-sveltekit-fetched]') !== null;
	if (!serverRendered && !nonVisitorPath.test(location.pathname)) {
		readFromMirror();
	}
};
