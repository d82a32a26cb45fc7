/** A CSV file that cannot be read as a table at all (as opposed to a row with a bad value). */
export class CsvError extends Error {}

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes, `""` for a quote inside
 * quotes, CRLF or LF line ends. A UTF-8 byte-order mark (Excel writes one) is ignored. Empty lines
 * are skipped. Returns rows with the line number each starts on.
 */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
	const input = text.replace(/^\uFEFF/, '');
	const rows: { line: number; cells: string[] }[] = [];
	let cells: string[] = [];
	let field = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let fieldStarted = false;
	const endRow = () => {
		cells.push(field);
		if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
		cells = [];
		field = '';
		fieldStarted = false;
	};
	for (let i = 0; i < input.length; i++) {
		const c = input[i];
		if (quoted) {
			if (c === '"' && input[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
				const next = input[i + 1];
				if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
					throw new CsvError(`line ${line}: unexpected text after a closing quote`);
				}
			} else {
				if (c === '\n') line++;
				field += c;
			}
			continue;
		}
		if (c === '"' && !fieldStarted) {
			quoted = true;
			fieldStarted = true;
		} else if (c === ',') {
			cells.push(field);
			field = '';
			fieldStarted = false;
		} else if (c === '\r' || c === '\n') {
			if (c === '\r' && input[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else {
			field += c;
			fieldStarted = true;
		}
	}
	if (quoted) throw new CsvError(`line ${rowLine}: a quoted field is never closed`);
	if (field !== '' || cells.length) endRow();
	return rows;
}

/** One CSV field, quoted when it must be. */
export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}
