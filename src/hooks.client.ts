import type { ClientInit } from '@sveltejs/kit';
import { isNonVisitorPath } from '$lib/i18n/paths';
import { rememberedLanguage } from '$lib/i18n/preference';
import { readFromMirror } from '$lib/offline';

/**
 * A server-rendered page hydrates from the data inlined in its HTML (after its first paint, see
 * $lib/server/hooks/script-priority.ts). The offline shell has none: it must read the phone's
 * mirror from the very first load, before anything renders.
 */
export const init: ClientInit = () => {
	const serverRendered = document.querySelector('script[data-sveltekit-fetched]') !== null;
	// The installed app opens at `/`; offline, the shell answers instead of the server, which would
	// have redirected to the language the visitor chose. Do the same here, before the router starts.
	if (!serverRendered && location.pathname === '/' && !location.search) {
		if (rememberedLanguage() === 'en') history.replaceState(history.state, '', '/en');
	}
	if (!serverRendered && !isNonVisitorPath(location.pathname)) {
		readFromMirror();
	}
};
