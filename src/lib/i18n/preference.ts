import type { Language } from '$lib/content/localized';

/**
 * The visitor's language choice, kept on the phone: in a cookie, so the server can open the
 * installed app (start URL `/`) in that language, and in local storage, so the offline shell can
 * too when no server answers (hooks.client.ts). Shared links always carry their own language.
 */
export const languageCookie = 'lang';
const storageKey = 'taibai-lang';

export function rememberLanguage(lang: Language): void {
	document.cookie = `${languageCookie}=${lang}; path=/; max-age=31536000; samesite=lax`;
	try {
		localStorage.setItem(storageKey, lang);
	} catch {
		// Storage refused (some in-app browsers in private mode): the cookie still remembers.
	}
}

/** The language chosen on this phone, if any: the cookie, else local storage. */
export function rememberedLanguage(): Language | undefined {
	const cookie = new RegExp(`(?:^|;\\s*)${languageCookie}=(zh|en)(?:;|$)`).exec(document.cookie);
	if (cookie) return cookie[1] as Language;
	try {
		const stored = localStorage.getItem(storageKey);
		return stored === 'zh' || stored === 'en' ? stored : undefined;
	} catch {
		return undefined;
	}
}
