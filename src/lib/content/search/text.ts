/**
 * Text normalisation shared by the server's search-key builder and the search view, so a key
 * computed on the server and a query typed on a phone are compared in the same form.
 */

/** Lower case, full-width to half-width (NFKC), accents dropped, runs of space collapsed. */
export function normalise(text: string): string {
	return text
		.normalize('NFKC')
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}+/gu, '')
		.normalize('NFC')
		.replace(/[\p{P}\p{S}]+/gu, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Normalised without any space or punctuation: what makes matching space-insensitive. */
export function compact(text: string): string {
	return normalise(text).replace(/ /g, '');
}

/** The words of a normalised text. */
export function words(text: string): string[] {
	return normalise(text).split(' ').filter(Boolean);
}

/** True when the text contains a Chinese character (one such character is a meaningful query). */
export function hasHan(text: string): boolean {
	return /\p{Script=Han}/u.test(text);
}
