import { z } from '$lib/content/zod';

/**
 * The zod building blocks for times and bilingual texts. They live apart from the pure helpers in
 * time.ts and localized.ts so that a page formatting a date never downloads the validation library.
 */

const dateRe = /^(\d{4})-(\d{2})-(\d{2})$/;
const dateTimeRe = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * Content is dated within this century: a year like 0001 or 9999 is a typo, and spans that long
 * would drive loops over days (a festival's grid, a date strip) for millions of steps.
 */
export const firstYear = 2000;
export const lastYear = 2100;

function validDate(y: number, m: number, d: number): boolean {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const yearMessage = `the year must be from ${firstYear} to ${lastYear}`;
const inCentury = (value: string) => {
	const year = Number(value.slice(0, 4));
	return !/^\d{4}/.test(value) || (year >= firstYear && year <= lastYear);
};

/**
 * Control characters (NUL, escape, bidi overrides are not among them) have no place in a human text
 * and break exports and terminals; tabs and line breaks are fine.
 */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
export const noControlCharacters = (value: string) => !controlCharacter.test(value);
export const controlCharacterMessage = 'must not contain control characters';

/** A one-line or multi-line human text of at most `max` characters. */
export function plainText(max: number) {
	return z
		.string()
		.check(z.trim(), z.maxLength(max), z.refine(noControlCharacters, controlCharacterMessage));
}

/** A calendar date, `YYYY-MM-DD`. */
export const localDate = z.string().check(
	z.refine((value) => {
		const m = dateRe.exec(value);
		return !!m && validDate(+m[1], +m[2], +m[3]);
	}, 'must be a date as YYYY-MM-DD'),
	z.refine(inCentury, yearMessage)
);

/** A Shanghai wall-clock time, `YYYY-MM-DDTHH:mm`. */
export const localDateTime = z.string().check(
	z.refine((value) => {
		const m = dateTimeRe.exec(value);
		return !!m && validDate(+m[1], +m[2], +m[3]) && +m[4] < 24 && +m[5] < 60;
	}, 'must be a date and time as YYYY-MM-DDTHH:mm'),
	z.refine(inCentury, yearMessage)
);

/**
 * A human text in both languages. Chinese is required; English is optional and an empty English
 * string means "not translated yet", so it is normalised away rather than shown as a blank.
 */
export function localizedText(max = 4000) {
	return z.object({
		zh: z.pipe(plainText(max), z.string().check(z.minLength(1, 'Chinese text is required'))),
		en: z.pipe(
			z.optional(plainText(max)),
			z.transform((value) => (value ? value : undefined))
		)
	});
}

export const localized = localizedText();
export const localizedShort = localizedText(200);

/** A WGS-84 position. Coordinates are stored as the GPS gives them; map apps convert if they need to. */
export const position = z.object({
	lat: z.number().check(z.gte(-90), z.lte(90)),
	lon: z.number().check(z.gte(-180), z.lte(180))
});

/** GeoJSON LineString (RFC 7946): positions are [longitude, latitude]. */
export const lineString = z.object({
	type: z.literal('LineString'),
	coordinates: z
		.array(
			z.tuple([z.number().check(z.gte(-180), z.lte(180)), z.number().check(z.gte(-90), z.lte(90))])
		)
		.check(z.minLength(2, 'a path needs at least two points'), z.maxLength(5000))
});
