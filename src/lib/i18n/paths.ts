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

/** `/events/x?lang=en` is served by the `/en/events/x` route, on the server and offline alike. */
export function rerouteLanguageQuery(url: URL): string | undefined {
	if (url.searchParams.get('lang') !== 'en' || nonVisitorPath.test(url.pathname)) return undefined;
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
