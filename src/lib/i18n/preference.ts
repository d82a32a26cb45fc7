import type { Language } from '$lib/content/localized';

/**
 * The visitor's language choice, kept in a cookie so the server can open the installed app
 * (start URL `/`) in that language. Shared links always carry their own language in the URL.
 */
export const languageCookie = 'lang';

export function rememberLanguage(lang: Language): void {
	document.cookie = `${languageCookie}=${lang}; path=/; max-age=31536000; samesite=lax`;
}
