import type { Localized } from '$lib/content/localized';

/** A bilingual text as the form holds it: two strings, English possibly empty. */
export interface LocalizedValue {
	zh: string;
	en: string;
}

export const emptyText = (): LocalizedValue => ({ zh: '', en: '' });

export function textValue(text: Localized | undefined): LocalizedValue {
	return { zh: text?.zh ?? '', en: text?.en ?? '' };
}

/** A form's text, as the schema's input: an empty English is left out (falls back to Chinese). */
export function textInput(value: LocalizedValue): { zh: string; en?: string } {
	return value.en.trim() ? { zh: value.zh, en: value.en } : { zh: value.zh };
}

/** Optional bilingual text: absent when both languages are empty. */
export function optionalTextInput(value: LocalizedValue) {
	return value.zh.trim() || value.en.trim() ? textInput(value) : undefined;
}

/** A text field; browsers send a textarea's line breaks as CRLF, stored here as plain LF. */
export const str = (form: FormData, name: string) => {
	const value = form.get(name);
	return typeof value === 'string' ? value.replace(/\r\n?/g, '\n') : '';
};

export const localizedFrom = (form: FormData, name: string): LocalizedValue => ({
	zh: str(form, `${name}.zh`),
	en: str(form, `${name}.en`)
});

export const checked = (form: FormData, name: string) => form.get(name) === 'on';

export const all = (form: FormData, name: string) =>
	form.getAll(name).filter((v): v is string => typeof v === 'string');

/**
 * A number field for the schema: empty is absent, anything else is passed as a number or, when it
 * is not one, as the text, so the schema reports "expected number" at that field.
 */
export function numberInput(value: string): number | string | undefined {
	const trimmed = value.trim();
	if (!trimmed) return undefined;
	const n = Number(trimmed);
	return Number.isFinite(n) ? n : trimmed;
}

/** Tags typed as a comma-separated list (Chinese or Latin commas). */
export function tagsInput(value: string): string[] {
	return [
		...new Set(
			value
				.split(/[,，、]/)
				.map((t) => t.trim())
				.filter(Boolean)
		)
	];
}

/** A URL name from an English title, for a new record whose slug was left empty. */
export function slugFrom(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60)
		.replace(/-+$/, '');
}
