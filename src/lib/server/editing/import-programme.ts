import { csvField, CsvError, parseCsv } from '$lib/admin/csv';
import { slugFrom, tagsInput } from '$lib/admin/forms/values';
import { eventInput, type Event, type Festival, type Venue } from '$lib/content/schemas';
import { problemsOf, type FieldProblem } from '$lib/content/validation';

/**
 * A festival programme from a spreadsheet: one event per row. The columns are fixed and offered as
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

/** Reads a programme CSV for a festival; `existing` are the live events (for slug clashes). */
export function parseProgramme(
	text: string,
	context: { festival: Festival; venues: Venue[]; existing: Event[] }
): ProgrammeParse {
	if (text.includes('\u0000')) return { ok: false, problem: 'not a text file' };
	let table;
	try {
		table = parseCsv(text);
	} catch (error) {
		return { ok: false, problem: error instanceof CsvError ? error.message : String(error) };
	}
	const [head, ...body] = table;
	if (!head) return { ok: false, problem: 'the file is empty' };
	const header = head.cells.map((c) => c.trim().toLowerCase());
	const unknown = header.filter((c) => c && !(programmeColumns as readonly string[]).includes(c));
	const missing = requiredColumns.filter((c) => !header.includes(c));
	if (missing.length || unknown.length) {
		return {
			ok: false,
			problem: [
				missing.length ? `missing columns: ${missing.join(', ')}` : '',
				unknown.length ? `unknown columns: ${unknown.join(', ')}` : ''
			]
				.filter(Boolean)
				.join('; ')
		};
	}
	if (!body.length) return { ok: false, problem: 'the file has no rows' };

	const venues = new Map(context.venues.flatMap((v) => [[v.slug, v] as const, [v.id, v] as const]));
	const taken = new Set(context.existing.map((e) => e.slug));
	const rows = body.map(({ line, cells }): ProgrammeRow => {
		const cell = (name: string) => (cells[header.indexOf(name)] ?? '').trim();
		const problems: FieldProblem[] = [];
		if (cells.length > header.length) problems.push({ path: 'row', message: 'too many cells' });
		const venue = venues.get(cell('venue'));
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
					// The venue is reported once, as unknown, not again as "needs a venue".
					.filter((p) => !(venue === undefined && p.path === 'venueId'))
					.map((p) => ({ path: columnOf(p.path), message: p.message }))
			);
		}
		if (taken.has(slug)) problems.push({ path: 'slug', message: `"${slug}" is already used` });
		taken.add(slug);
		const { id: _placeholder, ...event } = input;
		return {
			line,
			title: cell('title_zh') || cell('title_en'),
			start: cell('start'),
			venue: venue ? venue.name.zh : cell('venue'),
			input: problems.length ? undefined : event,
			problems
		};
	});
	return { ok: true, rows };
}
