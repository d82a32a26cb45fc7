import type { Language } from '$lib/content/localized';

/**
 * The console's language, chosen with its own toggle and kept in its own cookie: an editor who
 * works in English does not change the language the visitor app opens in on the same browser.
 */
export const consoleLanguageCookie = 'admin_lang';

export function consoleLanguage(cookie: string | undefined): Language {
	return cookie === 'en' ? 'en' : 'zh';
}

/** The console's language of a request, from its cookies. */
export function consoleLanguageOf(cookies: { get(name: string): string | undefined }): Language {
	return consoleLanguage(cookies.get(consoleLanguageCookie));
}
