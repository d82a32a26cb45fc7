import { instantToShanghai } from '$lib/content/time';

/** An instant (ISO string) as Shanghai wall-clock `YYYY-MM-DD HH:mm`, the way editors read times. */
export function formatInstant(iso: string): string {
	return instantToShanghai(new Date(iso)).replace('T', ' ');
}

/** A wall-clock value as `YYYY-MM-DD HH:mm`. */
export function formatWallClock(value: string): string {
	return value.replace('T', ' ');
}

/** A stored value in a diff, as short readable text. */
export function formatValue(
	value: unknown,
	words: { empty: string; yes: string; no: string }
): string {
	if (value === undefined || value === null || value === '') return words.empty;
	if (typeof value === 'boolean') return value ? words.yes : words.no;
	if (typeof value === 'string') {
		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return formatWallClock(value);
		// An instant the server stamped (a lock's end): shown as Shanghai time like every instant.
		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value)) return formatInstant(value);
		return value;
	}
	if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) {
		return value.length ? value.map((v) => formatValue(v, words)).join(', ') : words.empty;
	}
	return JSON.stringify(value);
}
