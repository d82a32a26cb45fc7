import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type OpeningHours from 'opening_hours';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openingHoursLocation } from '$lib/content/opening-hours-rule';
import { trimOpeningHoursSource } from '../../scripts/trim-opening-hours.js';

type Library = typeof OpeningHours;

// The library as the browser build ships it: trimmed, written beside the original so that its own
// imports resolve, and loaded next to the untouched one.
const original = join(
	dirname(createRequire(import.meta.url).resolve('opening_hours')),
	'opening_hours.esm.mjs'
);
const trimmedFile = join(dirname(original), `.trimmed-for-test-${process.pid}.mjs`);
let full: Library;
let trimmed: Library;

beforeAll(async () => {
	writeFileSync(trimmedFile, trimOpeningHoursSource(readFileSync(original, 'utf8')));
	full = (await import(/* @vite-ignore */ pathToFileURL(original).href)).default;
	trimmed = (await import(/* @vite-ignore */ pathToFileURL(trimmedFile).href)).default;
});
afterAll(() => rmSync(trimmedFile, { force: true }));

/** What a rule means over a year around China's holidays, or the library's message for why not. */
function reading(library: Library, rule: string, location = openingHoursLocation) {
	try {
		const hours = new library(rule, location, 0);
		return {
			intervals: hours
				.getOpenIntervals(new Date('2026-01-01T00:00:00Z'), new Date('2027-01-01T00:00:00Z'))
				.map(([from, to, unknown, comment]) => [
					from.toISOString(),
					to.toISOString(),
					unknown,
					comment
				]),
			warnings: hours.getWarnings()
		};
	} catch (error) {
		return { error: String(error) };
	}
}

const rules = [
	'May-Sep Tu-Su,PH 08:30-18:00; Oct-Apr Tu-Su,PH 08:30-17:30',
	'Tu-Su 09:00-17:30',
	'Mo-Su 08:30-17:30; PH off',
	'Mo-Fr 09:00-12:00,13:30-17:00; Sa 10:00-16:00 "by appointment"',
	'24/7',
	'sunrise-sunset',
	'week 01-26 Mo-Su 09:00-21:00; week 27-53 Mo-Su 09:00-22:00',
	'Mo-Su 09:00-22:00; 2026 Oct 01-07 10:00-23:00',
	'PH 10:00-15:00',
	'Mo-Fr 9-17',
	'Montag 09:00-17:00',
	'Mo-Su 25:00-26:00',
	'nonsense'
];

describe('the browser copy of opening_hours', () => {
	it.each(rules)('reads %s exactly as the whole library does', (rule) => {
		expect(reading(trimmed, rule)).toEqual(reading(full, rule));
	});

	it('keeps China’s holidays: National Day is a public holiday', () => {
		const holiday = reading(trimmed, 'PH 10:00-15:00');
		expect(holiday).toHaveProperty('intervals');
		expect(JSON.stringify(holiday)).toContain('2026-10-01T10:00:00.000Z');
	});

	it('has left out other countries’ holidays and the other languages’ messages', () => {
		const germany = { lat: 52.5, lon: 13.4, address: { country_code: 'de', state: 'Berlin' } };
		// The library's types ask for every option; it reads the locale alone.
		const inGerman = { locale: 'de', mode: 0 } as unknown as ConstructorParameters<Library>[2];
		expect(reading(full, 'PH off', germany)).toHaveProperty('intervals');
		expect(reading(trimmed, 'PH off', germany)).toHaveProperty('error');
		const german = (library: Library) => {
			try {
				new library('nonsense', openingHoursLocation, inGerman);
				return '';
			} catch (error) {
				return String(error);
			}
		};
		expect(german(full)).toContain('Unerwartetes');
		expect(german(trimmed)).not.toContain('Unerwartetes');
	});

	it('stops the build when a new version of the library has another shape', () => {
		expect(() => trimOpeningHoursSource('export default 1;')).toThrow(/holiday table/);
		const source = readFileSync(original, 'utf8');
		expect(() =>
			trimOpeningHoursSource(source.replace('\nvar data = { en:', '\nvar data = {'))
		).toThrow(/message table/);
	});
});
