import { isNonVisitorPath } from '$lib/i18n/paths';

/**
 * Which navigations the service worker answers: visitor pages only. The editor console and the API
 * are never answered from the worker, with or without /en, in whatever spelling (`/%61dmin`,
 * `//admin`): the path is compared as the server's router reads it.
 */
export function answersNavigation(request: Request, url: URL): boolean {
	return request.mode === 'navigate' && !isNonVisitorPath(url.pathname);
}
