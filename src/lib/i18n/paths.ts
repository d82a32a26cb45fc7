import type { Language } from '$lib/content/localized';

/** The language of a URL: an `/en` prefix, or `?lang=en` on a link shared from elsewhere. */
export function languageOf(url: URL): Language {
	return url.pathname === '/en' ||
		url.pathname.startsWith('/en/') ||
		url.searchParams.get('lang') === 'en'
		? 'en'
		: 'zh';
}

/** Paths that are not visitor pages and never carry a language. */
export const nonVisitorPath = /^\/(?:api|admin|healthz|readyz|_app)(?:\/|$)|\.[a-z0-9]+$/i;

/**
 * A path as the server's router will see it: percent-escapes decoded, backslashes as slashes (what
 * URL parsers do for http), runs of slashes and dot segments collapsed. Used wherever a path is
 * compared as text, so that `/%61dmin`, `//admin` or `/en/./admin` are not taken for visitor pages.
 * A path that does not decode is returned as undefined: callers treat it as not a visitor page.
 */
export function routedPath(pathname: string): string | undefined {
	let decoded: string;
	try {
		decoded = decodeURIComponent(pathname.replace(/\\/g, '/'));
	} catch {
		return undefined;
	}
	const segments: string[] = [];
	for (const segment of decoded.split(/[/\\]+/)) {
		if (segment === '' || segment === '.') continue;
		if (segment === '..') segments.pop();
		else segments.push(segment);
	}
	return `/${segments.join('/')}`;
}

/** Whether a path (in any spelling, with or without `/en`) is not a visitor page. */
export function isNonVisitorPath(pathname: string): boolean {
	const path = routedPath(pathname);
	if (path === undefined) return true;
	return nonVisitorPath.test(path.replace(/^\/en(?=\/|$)/i, '') || '/');
}

/** `/events/x?lang=en` is served by the `/en/events/x` route, on the server and offline alike. */
export function rerouteLanguageQuery(url: URL): string | undefined {
	if (url.searchParams.get('lang') !== 'en' || isNonVisitorPath(url.pathname)) return undefined;
	if (languageOf(new URL(url.pathname, url)) === 'en') return undefined;
	return url.pathname === '/' ? '/en' : `/en${url.pathname}`;
}

/** A visitor path (`/events`) in a language: `/en/events` or `/events`. */
export function localizedPath(path: string, lang: Language): string {
	const bare = path.replace(/^\/en(?=\/|$)/, '') || '/';
	if (lang === 'zh') return bare;
	return bare === '/' ? '/en' : `/en${bare}`;
}

/** BCP 47 tag for `<html lang>` and `hreflang`. */
export function htmlLang(lang: Language): string {
	return lang === 'en' ? 'en' : 'zh-CN';
}

export function langFromParam(param: string | undefined): Language {
	return param === 'en' ? 'en' : 'zh';
}
