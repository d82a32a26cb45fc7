import { z } from 'zod';

/** The languages the app speaks. Chinese is the default and the fallback for every content field. */
export const languages = ['zh', 'en'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh';

/**
 * A human text in both languages. Chinese is required; English is optional and an empty English
 * string means "not translated yet", so it is normalised away rather than shown as a blank.
 */
export function localizedText(max = 4000) {
	return z.object({
		zh: z.string().trim().min(1, 'Chinese text is required').max(max),
		en: z
			.string()
			.trim()
			.max(max)
			.optional()
			.transform((value) => (value ? value : undefined))
	});
}

export const localized = localizedText();
export const localizedShort = localizedText(200);
export type Localized = z.infer<typeof localized>;

/** The text to show in `lang`, falling back to Chinese per field. */
export function pick(text: Localized | undefined, lang: Language): string {
	if (!text) return '';
	return lang === 'en' ? (text.en ?? text.zh) : text.zh;
}

/** True when English was asked for but the field only has Chinese (the UI marks it). */
export function fallsBack(text: Localized | undefined, lang: Language): boolean {
	return lang === 'en' && !!text && !text.en;
}
