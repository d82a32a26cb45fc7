/**
 * Narration's numbers, apart from the schemas so pages and views can use them without loading
 * the validation library.
 */
export const narrationLanguages = ['zh', 'en'] as const;
export type NarrationLanguage = (typeof narrationLanguages)[number];

/** Limits of an uploaded recording: 30 MB and 20 minutes. */
export const maxNarrationBytes = 30 * 1024 * 1024;
export const maxNarrationSeconds = 20 * 60;

/** How close a visitor must come for a stop's narration to start, unless its editor set another. */
export const defaultRadiusM = 40;
export const minRadiusM = 10;
export const maxRadiusM = 500;
