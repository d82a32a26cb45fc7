import { overwriteGetLocale } from '$lib/paraglide/runtime';
import type { Language } from '$lib/content/localized';

/**
 * The UI language, as reactive state: message functions read it through Paraglide's getLocale, so
 * every string on screen follows a language switch without a reload. Server rendering is
 * synchronous per request, so the root layout setting it before its children render is safe.
 */
const state = $state<{ lang: Language }>({ lang: 'zh' });

overwriteGetLocale(() => state.lang);

export function setLanguage(lang: Language): void {
	state.lang = lang;
}

export function currentLanguage(): Language {
	return state.lang;
}
