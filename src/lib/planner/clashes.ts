import type { Position } from '$lib/content/geo';
import { minutesBetween, type LocalDateTime } from '$lib/content/time';
import { travelMinutes, type TravelMode } from './travel';

/**
 * Clashes in an agenda of saved events: two that overlap, or two in a row at different places
 * with less time between them than the trip takes ("needs 12 min walk, 5 min between").
 */

/** Events this long (or all day) are drop-in: visited for a while at any time, never a clash. */
export const dropInMinutes = 180;

export function isDropIn(start: LocalDateTime, end: LocalDateTime, allDay = false): boolean {
	return allDay || minutesBetween(start, end) > dropInMinutes;
}

export interface AgendaEntry {
	key: string;
	start: LocalDateTime;
	end: LocalDateTime;
	position?: Position;
}

export type Clash =
	| { kind: 'overlap'; a: string; b: string; minutes: number }
	| { kind: 'travel'; a: string; b: string; travel: number; gap: number; mode: TravelMode };

/** `entries` are timed events of one day (drop-in events left out by the caller). */
export function clashes(entries: AgendaEntry[], mode: TravelMode): Clash[] {
	const sorted = [...entries].sort(
		(x, y) => x.start.localeCompare(y.start) || x.end.localeCompare(y.end)
	);
	const found: Clash[] = [];
	for (let j = 0; j < sorted.length; j++) {
		const b = sorted[j];
		// The event the visitor would come from: the one that ends last before b starts.
		let before: AgendaEntry | undefined;
		for (let i = 0; i < j; i++) {
			const a = sorted[i];
			if (a.end > b.start) {
				found.push({
					kind: 'overlap',
					a: a.key,
					b: b.key,
					minutes: minutesBetween(b.start, a.end < b.end ? a.end : b.end)
				});
			} else if (!before || a.end > before.end) before = a;
		}
		if (!before?.position || !b.position) continue;
		const travel = travelMinutes(before.position, b.position, mode);
		const gap = minutesBetween(before.end, b.start);
		if (travel > gap) found.push({ kind: 'travel', a: before.key, b: b.key, travel, gap, mode });
	}
	return found;
}
