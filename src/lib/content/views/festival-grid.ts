import { addDays, minutesBetween, type LocalDate, type LocalDateTime } from '../time';
import type { EventCard } from './cards';

/** An event of the day's programme; `key` tells occurrences of a recurring event apart. */
export interface ProgrammeEvent extends EventCard {
	key: string;
	/** In the list on the current day: running now, or the next one to start. */
	live?: 'now' | 'next';
}

/** A venue column; overlapping events at one venue sit side by side in lanes. */
export interface GridColumn {
	/** The venue's slug, or undefined for events placed by position only. */
	slug?: string;
	name?: string;
	/** First lane (0-based, after the time column) and number of lanes. */
	lane: number;
	lanes: number;
}

export interface GridBlock {
	event: ProgrammeEvent;
	/** 0-based lane across the whole grid. */
	lane: number;
	/** 0-based first time row and number of rows covered. */
	row: number;
	span: number;
	/** Cut at midnight: the event began the day before or ends the day after. */
	startsBefore: boolean;
	endsAfter: boolean;
}

export interface ProgrammeGrid {
	slotMinutes: 15 | 30;
	/** `HH:mm` at the top of each row, from the earliest start to the latest end. */
	rows: string[];
	lanes: number;
	columns: GridColumn[];
	blocks: GridBlock[];
	/** On the current day: where the now line sits, in rows (fractional) from the top of the grid. */
	now?: { time: string; rows: number };
}

const hhmm = (minutes: number) =>
	`${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/**
 * Lays the timed events of one day out as a venue × time grid. Rows are 30 minutes, or 15 when a
 * start or end falls on a quarter hour, so that every block's row span equals its duration; times
 * off both grids round outwards. Events crossing midnight are cut at the day's edges.
 */
export function programmeGrid(
	day: LocalDate,
	events: ProgrammeEvent[],
	now?: LocalDateTime
): ProgrammeGrid | undefined {
	if (!events.length) return undefined;
	const dayStart = `${day}T00:00`;
	const dayEnd = `${addDays(day, 1)}T00:00`;
	const spans = events.map((event) => {
		const start = event.start < dayStart ? dayStart : event.start;
		const end = event.end > dayEnd ? dayEnd : event.end;
		return {
			event,
			from: minutesBetween(dayStart, start),
			to: minutesBetween(dayStart, end),
			startsBefore: event.start < dayStart,
			endsAfter: event.end > dayEnd
		};
	});
	const quarter = spans.some((s) => [s.from, s.to].some((m) => m % 30 === 15));
	const slot = quarter ? 15 : 30;
	const first = Math.floor(Math.min(...spans.map((s) => s.from)) / slot) * slot;
	const last = Math.ceil(Math.max(...spans.map((s) => s.to)) / slot) * slot;
	const rows = Array.from({ length: (last - first) / slot }, (_, i) => hhmm(first + i * slot));

	// Columns in the order their first event starts; lanes by first fit.
	const byVenue = new Map<string, { column: GridColumn; laneEnds: number[] }>();
	const placed: { span: (typeof spans)[number]; column: GridColumn; lane: number }[] = [];
	for (const span of [...spans].sort((a, b) => a.from - b.from || b.to - a.to)) {
		const venueKey = span.event.venue?.slug ?? '';
		let entry = byVenue.get(venueKey);
		if (!entry) {
			const venue = span.event.venue;
			entry = { column: { slug: venue?.slug, name: venue?.name, lane: 0, lanes: 0 }, laneEnds: [] };
			byVenue.set(venueKey, entry);
		}
		let lane = entry.laneEnds.findIndex((end) => end <= span.from);
		if (lane < 0) lane = entry.laneEnds.push(span.to) - 1;
		else entry.laneEnds[lane] = span.to;
		placed.push({ span, column: entry.column, lane });
	}
	let lanes = 0;
	const columns = [...byVenue.values()].map(({ column, laneEnds }) => {
		column.lane = lanes;
		column.lanes = laneEnds.length;
		lanes += laneEnds.length;
		return column;
	});

	const blocks: GridBlock[] = placed.map(({ span, column, lane }) => {
		const row = Math.floor((span.from - first) / slot);
		return {
			event: span.event,
			lane: column.lane + lane,
			row,
			span: Math.max(1, Math.ceil((span.to - first) / slot) - row),
			startsBefore: span.startsBefore,
			endsAfter: span.endsAfter
		};
	});
	blocks.sort((a, b) => a.row - b.row || a.lane - b.lane);

	let nowLine: ProgrammeGrid['now'];
	if (now && now.slice(0, 10) === day) {
		const minutes = minutesBetween(dayStart, now);
		if (minutes >= first && minutes <= last) {
			nowLine = { time: now.slice(11, 16), rows: (minutes - first) / slot };
		}
	}
	return { slotMinutes: slot, rows, lanes, columns, blocks, now: nowLine };
}
