import { csvField, CsvError, parseCsv } from '$lib/admin/csv';
import { slugFrom, tagsInput } from '$lib/admin/forms/values';
import { eventInput, type Event, type Festival, type Venue } from '$lib/content/schemas';
import { instantToShanghai } from '$lib/content/time';
import { problemsOf, type FieldProblem } from '$lib/content/validation';
import { timeCellProblems } from './cell-problems';

/**
 * A festival programme from a spreadsheet (or a calendar file): one event per row (or VEVENT). The columns are fixed and offered as
 * a template; a row's problems are reported by column, and only rows without problems are imported,
 * as drafts, so nothing reaches visitors before an editor has looked at it.
 */
export const programmeColumns = [
	'slug',
	'title_zh',
	'title_en',
	'summary_zh',
	'summary_en',
	'description_zh',
	'description_en',
	'category',
	'venue',
	'start',
	'end',
	'all_day',
	'free',
	'price_zh',
	'price_en',
	'price_cny',
	'booking_url',
	'tags',
	'rrule'
] as const;
const requiredColumns = ['title_zh', 'summary_zh', 'venue', 'start', 'end'];
/**
 * A festival's programme is tens to hundreds of events. Every row is validated (its repeat rule
 * too) and shown in the preview, so the count is bounded before any of that runs: the bench found
 * a 1 MB calendar of 20,000 events kept the server busy for over a minute.
 */
export const maxProgrammeRows = 1000;

/** Where each column's value lands in an event, so a schema problem is reported at its column. */
const columnOfPath: Record<string, string> = {
	'title.zh': 'title_zh',
	'title.en': 'title_en',
	'summary.zh': 'summary_zh',
	'summary.en': 'summary_en',
	'description.zh': 'description_zh',
	'description.en': 'description_en',
	venueId: 'venue',
	'price.text.zh': 'price_zh',
	'price.text.en': 'price_en',
	'price.amountCny': 'price_cny',
	bookingUrl: 'booking_url',
	allDay: 'all_day'
};

export function columnOf(path: string): string {
	if (columnOfPath[path]) return columnOfPath[path];
	if (path.startsWith('tags')) return 'tags';
	if (path.startsWith('price')) return 'free';
	return path;
}

export function programmeTemplate(): string {
	const example = [
		'lantern-parade-opening',
		'开幕花灯巡游',
		'Opening lantern parade',
		'花灯沿北湖岸巡游。',
		'Lanterns parade along the north shore.',
		'',
		'',
		'performance',
		'beihu-pavilion-square',
		'2027-02-10 19:00',
		'2027-02-10 20:30',
		'no',
		'yes',
		'',
		'',
		'',
		'',
		'lanterns; parade',
		''
	];
	// A byte-order mark so that Excel opens the Chinese text as UTF-8.
	return `\uFEFF${programmeColumns.join(',')}\r\n${example.map(csvField).join(',')}\r\n`;
}

export interface ProgrammeRow {
	line: number;
	title: string;
	start: string;
	venue: string;
	/** The event to create, when the row has no problems. */
	input?: Record<string, unknown>;
	/** Problems by column. */
	problems: FieldProblem[];
}

export type ProgrammeParse =
	| { ok: true; rows: ProgrammeRow[] }
	/** The file as a whole cannot be imported (not a CSV, wrong columns, no rows). */
	| { ok: false; problem: string };

const yes = (value: string) => /^(?:yes|y|true|1|是)$/i.test(value.trim());
const dateTime = (value: string) =>
	value
		.trim()
		.replace(
			/^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/,
			(_, d, h, m) => `${d}T${h.padStart(2, '0')}:${m}`
		);

/** One row of a programme, whatever file it came from: its cells by column name. */
export interface RawRow {
	line: number;
	cells: Record<string, string>;
	/** Cancelled dates (ICS EXDATE), as wall-clock times. */
	exdates?: string[];
	problems?: FieldProblem[];
}

type ProgrammeContext = { festival: Festival; venues: Venue[]; existing: Event[] };

/** Reads a programme (CSV, or ICS when it starts with BEGIN:VCALENDAR) for a festival. */
export function parseProgramme(text: string, context: ProgrammeContext): ProgrammeParse {
	if (text.includes('\u0000')) return { ok: false, problem: 'not a text file' };
	const read = /^\uFEFF?\s*BEGIN:VCALENDAR/i.test(text) ? readIcs(text) : readCsv(text);
	if ('problem' in read) return { ok: false, problem: read.problem };
	if (!read.rows.length) return { ok: false, problem: 'the file has no rows' };
	if (read.rows.length > maxProgrammeRows) {
		return { ok: false, problem: `more than ${maxProgrammeRows} rows` };
	}
	return { ok: true, rows: checkRows(read.rows, context) };
}

function readCsv(text: string): { rows: RawRow[] } | { problem: string } {
	let table;
	try {
		table = parseCsv(text);
	} catch (error) {
		return { problem: error instanceof CsvError ? error.message : String(error) };
	}
	const [head, ...body] = table;
	if (!head) return { problem: 'the file is empty' };
	const header = head.cells.map((c) => c.trim().toLowerCase());
	const unknown = header.filter((c) => c && !(programmeColumns as readonly string[]).includes(c));
	const missing = requiredColumns.filter((c) => !header.includes(c));
	if (missing.length || unknown.length) {
		return {
			problem: [
				missing.length ? `missing columns: ${missing.join(', ')}` : '',
				unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''
			]
				.filter(Boolean)
				.join('; ')
		};
	}
	return {
		rows: body.map(({ line, cells }) => ({
			line,
			cells: Object.fromEntries(header.map((name, i) => [name, (cells[i] ?? '').trim()])),
			problems: cells.length > header.length ? [{ path: 'row', message: 'too many cells' }] : []
		}))
	};
}

/** RFC 5545 text values: `\n` is a line break, `\,` `\;` `\\` are the characters themselves. */
const icsText = (value: string) =>
	value.replace(/\\([nN,;\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

/**
 * An ICS time as a Shanghai wall-clock time: floating or TZID=Asia/Shanghai as written, UTC (Z)
 * moved by +8 h, a DATE as midnight. Other zones are not guessed at.
 */
function icsTime(
	value: string,
	params: string
): { time?: string; date?: boolean; problem?: string } {
	const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value.trim());
	if (!m) return { problem: 'must be a date and time as YYYY-MM-DDTHH:mm' };
	const [, y, mo, d, h, mi, , z] = m;
	if (h === undefined) return { time: `${y}-${mo}-${d}T00:00`, date: true };
	const tzid = /TZID=([^;:]+)/i.exec(params)?.[1];
	if (tzid && !/^(?:Asia\/Shanghai|Asia\/Chongqing|Asia\/Harbin|PRC)$/i.test(tzid)) {
		return { problem: `unsupported time zone ${tzid}` };
	}
	if (z) return { time: instantToShanghai(new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi))) };
	return { time: `${y}-${mo}-${d}T${h}:${mi}` };
}

function readIcs(text: string): { rows: RawRow[] } | { problem: string } {
	// Unfold continuation lines (a line starting with a space or tab continues the previous one).
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const unfolded: { line: number; text: string }[] = [];
	lines.forEach((raw, i) => {
		if (/^[ \t]/.test(raw) && unfolded.length) unfolded[unfolded.length - 1].text += raw.slice(1);
		else if (raw.trim()) unfolded.push({ line: i + 1, text: raw });
	});
	if (!/^END:VCALENDAR$/i.test(unfolded.at(-1)?.text.trim() ?? '')) {
		return { problem: 'not a complete calendar' };
	}
	const rows: RawRow[] = [];
	let current: RawRow | undefined;
	for (const { line, text: entry } of unfolded) {
		const colon = entry.indexOf(':');
		if (colon < 0) continue;
		const head = entry.slice(0, colon);
		const value = entry.slice(colon + 1);
		const [name, ...rest] = head.split(';');
		const params = rest.join(';');
		const key = name.toUpperCase();
		if (key === 'BEGIN' && value.toUpperCase() === 'VEVENT') {
			current = { line, cells: {}, exdates: [], problems: [] };
		} else if (key === 'END' && value.toUpperCase() === 'VEVENT' && current) {
			rows.push(current);
			current = undefined;
		} else if (current) {
			const cells = current.cells;
			if (key === 'SUMMARY') cells.title_zh = icsText(value).trim();
			else if (key === 'DESCRIPTION') {
				const description = icsText(value).trim();
				cells.description_zh = description;
				cells.summary_zh = description.split(/\n/)[0].slice(0, 200);
			} else if (key === 'LOCATION') cells.venue = icsText(value).trim();
			else if (key === 'URL') cells.booking_url = value.trim();
			else if (key === 'CATEGORIES') cells.tags = icsText(value).replaceAll(',', ';');
			else if (key === 'RRULE') cells.rrule = value.trim();
			else if (key === 'UID') cells.uid = value.trim();
			else if (key === 'DTSTART' || key === 'DTEND') {
				const t = icsTime(value, params);
				const column = key === 'DTSTART' ? 'start' : 'end';
				if (t.problem) current.problems!.push({ path: column, message: t.problem });
				cells[column] = t.time ?? value;
				if (t.date) cells.all_day = 'yes';
			} else if (key === 'EXDATE') {
				for (const part of value.split(',')) {
					const t = icsTime(part, params);
					if (t.time) current.exdates!.push(t.time);
				}
			}
		}
	}
	return { rows };
}

function checkRows(raw: RawRow[], context: ProgrammeContext): ProgrammeRow[] {
	const venues = new Map(
		context.venues.flatMap((v) =>
			[v.slug, v.id, v.name.zh, v.name.en]
				.filter(Boolean)
				.map((k) => [k!.toLowerCase(), v] as const)
		)
	);
	const taken = new Set(context.existing.map((e) => e.slug));
	return raw.map(({ line, cells: values, exdates, problems: found }): ProgrammeRow => {
		const cell = (name: string) => (values[name] ?? '').trim();
		const problems: FieldProblem[] = [...(found ?? [])];
		// A calendar's times were read (and checked) by the calendar reader already.
		if (!found?.some((p) => p.path === 'start' || p.path === 'end'))
			problems.push(...timeCellProblems(cell));
		const said = [...problems];
		const venue = venues.get(cell('venue').toLowerCase());
		if (!venue) problems.push({ path: 'venue', message: 'unknown venue' });
		const free = cell('free') === '' ? !cell('price_zh') : yes(cell('free'));
		const slug = cell('slug') || slugFrom(cell('title_en')) || `${context.festival.slug}-${line}`;
		const input = {
			id: 'evt_importrow',
			slug,
			status: 'draft',
			title: { zh: cell('title_zh'), en: cell('title_en') },
			summary: { zh: cell('summary_zh'), en: cell('summary_en') },
			description: {
				zh: cell('description_zh') || cell('summary_zh'),
				en: cell('description_en') || cell('summary_en')
			},
			category: cell('category') || 'festival',
			venueId: venue?.id,
			festivalId: context.festival.id,
			start: dateTime(cell('start')),
			end: dateTime(cell('end')),
			allDay: yes(cell('all_day')),
			rrule: cell('rrule') || undefined,
			exdates: exdates ?? [],
			price: free
				? { free: true }
				: {
						free: false,
						text: { zh: cell('price_zh'), en: cell('price_en') },
						amountCny: cell('price_cny') ? Number(cell('price_cny')) : undefined
					},
			bookingUrl: cell('booking_url') || undefined,
			tags: tagsInput(cell('tags').replaceAll(';', ','))
		};
		const result = eventInput.safeParse(input);
		if (!result.success) {
			problems.push(
				...problemsOf(result.error)
					// The venue is reported once, as unknown, not again as "needs a venue"; a time
					// already said to be wrong is not reported twice.
					.filter((p) => !(venue === undefined && p.path === 'venueId'))
					.map((p) => ({ path: columnOf(p.path), message: p.message }))
					.filter((p) => !said.some((f) => f.path === p.path))
					// "end must be after the start" means nothing while either is not a time.
					.filter(
						(p) => !(p.path === 'end' && said.some((f) => f.path === 'start' || f.path === 'end'))
					)
			);
		}
		if (taken.has(slug)) problems.push({ path: 'slug', message: `"${slug}" is already used` });
		taken.add(slug);
		const { id: _placeholder, ...event } = input;
		return {
			line,
			title: cell('title_zh') || cell('title_en'),
			start: cell('start').replace('T', ' '),
			venue: venue ? venue.name.zh : cell('venue'),
			input: problems.length ? undefined : event,
			problems
		};
	});
}
