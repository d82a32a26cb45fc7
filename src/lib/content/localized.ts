/** The languages the app speaks. Chinese is the default and the fallback for every content field. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh';

/** A human text: Chinese always, English when translated (validated by schemas/primitives). */
export interface Localized {
	zh: string;
	en?: string | undefined;
}

/** The text to show in `lang`, falling back to Chinese per field. */
export function pick(text: Localized | undefined, lang: Language): string {
	if (!text) return '';
	return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** True when English was asked for but the field only has Chinese (the UI marks it). */
export function fallsBack(text: Localized | undefined, lang: Language): boolean {
	return lang === 'en' && !!text && !text.en;
}
