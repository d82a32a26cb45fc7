import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { formVersion, formVersionOrNew, mergeAnswers } from '$lib/server/editing/form-action';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [name, value] of Object.entries(entries)) data.set(name, value);
	return data;
};

/** The status a form's version was refused with, or the version it was taken as. */
function outcome(
	read: (form: FormData, lang: 'zh' | 'en') => number,
	version: string
): number | string {
	try {
		return read(form({ version }), 'zh');
	} catch (error) {
		if (isHttpError(error)) return `refused ${error.status}`;
		throw error;
	}
}

// Found by the reliability bench on PostgreSQL: a 231-digit version passed Number.isInteger and
// reached the database, whose integer column answered "out of range" (a 500).
const huge = '3142709793390263990845231771405701454210'.repeat(6);

describe('the version a console form was loaded at', () => {
	it('is taken when it is a whole number the database can store', () => {
		expect(outcome(formVersion, '7')).toBe(7);
		expect(outcome(formVersion, '2147483647')).toBe(2147483647);
		expect(outcome(formVersionOrNew, '0')).toBe(0);
		expect(outcome(formVersionOrNew, '')).toBe(0);
	});

	it.each([huge, '2147483648', '1e300', '9007199254740993', '1.5', '-1', 'abc', 'Infinity'])(
		'is refused with a 400, before any query, when it is %s',
		(version) => {
			expect(outcome(formVersion, version)).toBe('refused 400');
			expect(outcome(formVersionOrNew, version)).toBe('refused 400');
		}
	);

	it('is refused when it is missing or zero on a record that exists', () => {
		expect(outcome(formVersion, '0')).toBe('refused 400');
		expect(() => formVersion(new FormData(), 'en')).toThrow();
	});

	it.each([
		['zh', '版本号（version）'],
		['en', 'version field']
	] as const)('is refused in the console’s language (%s), naming the field', (lang, words) => {
		let message = '';
		try {
			formVersion(form({ version: 'abc' }), lang);
		} catch (error) {
			if (isHttpError(error)) message = error.body.message;
		}
		expect(message).toContain(words);
		expect(message).toMatch(lang === 'zh' ? /重新载入/ : /reload/);
	});

	it('ignores a merge form’s seen version the database could not hold', () => {
		expect(mergeAnswers(form({ seenVersion: huge })).seenVersion).toBeUndefined();
		expect(mergeAnswers(form({ seenVersion: '12' })).seenVersion).toBe(12);
	});
});
