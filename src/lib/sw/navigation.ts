/// <reference lib="webworker" />
import { registerRoute } from 'workbox-routing';
import { precache } from './precache';
import { answersNavigation } from './visitor-navigation';
import { NetworkOnly } from 'workbox-strategies';

/** The page that boots the client router for any visitor URL (written by the adapter). */
export const shellUrl = '/shell.html';

/**
 * Visitor navigations: the network first, so a returning visitor still gets fresh server-rendered
 * pages; if it does not answer within a few seconds (a weak signal by the lake) or at all, the
 * precached shell renders the page from the phone's own mirror.
 */
export function registerNavigation(timeoutSeconds = 3): void {
	const network = new NetworkOnly({ networkTimeoutSeconds: timeoutSeconds });
	const handler = async (options: Parameters<NetworkOnly['handle']>[0]) => {
		try {
			return await network.handle(options);
		} catch {
			return (await precache.matchPrecache(shellUrl)) ?? Response.error();
		}
	};
	registerRoute(({ request, url }) => answersNavigation(request, url), handler);
}
