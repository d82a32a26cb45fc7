import type { FieldProblem } from '$lib/content/validation';

/**
 * What is wrong with the value of a date-and-time cell of an imported programme, so the preview
 * says `"25:99" is not a time of day` instead of asking for a date and time that is there. In the
 * schema's English, translated like every other problem ($lib/admin/problem-text.ts).
 */
export function dateTimeCellProblem(value: string): string | undefined {
	const text = value.trim();
	if (!text) return undefined;
	const parts = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text);
	if (!parts) return `"${text}" is not written as YYYY-MM-DD HH:MM`;
	const [, y, mo, d, h, mi] = parts.map(Number);
	const date = new Date(Date.UTC(y, mo - 1, d));
	if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
		return `"${text.slice(0, 10)}" is not a date`;
	if (h > 23 || mi > 59) return `"${text.slice(11)}" is not a time of day`;
	return undefined;
}

/** Problems of the start and end cells of a row, by column. */
export function timeCellProblems(cell: (column: string) => string): FieldProblem[] {
	return (['start', 'end'] as const).flatMap((column) => {
		const message = dateTimeCellProblem(cell(column));
		return message ? [{ path: column, message }] : [];
	});
}
