// The opening_hours library ships as one 1.2 MB module, and most of it is data a phone in Jining
// never reads: the public and school holidays of 60 countries (547 KB, 52 KB gzip) and its error
// messages in eight languages besides English (about 10 KB gzip). It is in the mirror's worker
// and on every page that shows hours, so phones downloaded that data two and three times.
// For the browser build this keeps China's holidays (the app always passes a Chinese address,
// src/lib/content/opening-hours-rule.ts) and the English messages (the app never asks for
// another locale). The server keeps the whole library. If a new version of the library changes
// the shape these edits rely on, the build stops with a message rather than ship it half-edited.

const libraryFile = /[\\/]opening_hours[\\/]build[\\/]opening_hours\.esm\.mjs$/;

/** The country whose holidays the app asks the library about. */
const country = 'cn';

const holidayTable = /var holiday_definitions = \/\*#__PURE__\*\/Object\.freeze\(\{[^}]*\}\);/;

/**
 * The library's source with only China's holidays and the English messages kept.
 * @param {string} code
 * @returns {string}
 */
export function trimOpeningHoursSource(code) {
	const tables = code.match(new RegExp(holidayTable, 'g')) ?? [];
	if (tables.length !== 1 || !new RegExp(`\\n  ${country}: ${country},\\n`).test(tables[0])) {
		throw new Error('trim-opening-hours: the holiday table is not where this version expects it');
	}
	// Unused country tables are plain constants, so the bundler drops them once nothing names them.
	const trimmed = code.replace(
		holidayTable,
		`var holiday_definitions = /*#__PURE__*/Object.freeze({ __proto__: null, ${country}: ${country} });`
	);
	return keepEnglishMessages(trimmed);
}

/**
 * The message table is an object literal (`var data = { en: …, de: …, … };`) of strings only:
 * read it, keep `en`, write it back as JSON.
 * @param {string} code
 */
function keepEnglishMessages(code) {
	const head = '\nvar data = { en:';
	const start = code.indexOf(head);
	const end = code.indexOf('};\n', start);
	if (start < 0 || end < 0 || code.indexOf(head, start + 1) >= 0) {
		throw new Error('trim-opening-hours: the message table is not where this version expects it');
	}
	const literal = code.slice(start + '\nvar data = '.length, end + 1);
	// The library's own data, read at build time: an object of objects of strings.
	const table = new Function(`return (${literal});`)();
	if (typeof table?.en?.texts !== 'object' || typeof table.en.pretty !== 'object') {
		throw new Error('trim-opening-hours: the message table has no English texts');
	}
	return `${code.slice(0, start)}\nvar data = ${JSON.stringify({ en: table.en })};\n${code.slice(end + 3)}`;
}

/** A Vite plugin applying trimOpeningHoursSource to the library's browser module. */
export function trimOpeningHours() {
	return {
		name: 'taibai:trim-opening-hours',
		/** @param {string} code @param {string} id @param {{ ssr?: boolean }} [options] */
		transform(code, id, options) {
			if (options?.ssr || !libraryFile.test(id)) return null;
			return { code: trimOpeningHoursSource(code), map: null };
		}
	};
}
