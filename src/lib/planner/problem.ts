import type { Position } from '$lib/content/geo';
import { travelMatrix, type TravelMode } from './travel';

/**
 * The solver's view of a day, in whole minutes from midnight of the plan's date. Content, languages
 * and dates stay outside: the solver only sees places, windows and a travel-time matrix.
 */

/** A span in which a whole stay must fit: it starts at or after `start` and ends by `end`. */
export interface Window {
	start: number;
	end: number;
}

export interface Stop {
	/** The plan item this stop stands for. */
	id: string;
	position: Position;
	/** Minutes spent there: a venue's visit length, an event's own duration. */
	stay: number;
	/**
	 * When the stay may happen, sorted and disjoint. A fixed stop (an event at its time, a locked
	 * visit) has one window exactly as long as its stay, so it can only start at `windows[0].start`.
	 */
	windows: Window[];
	fixed: boolean;
}

export interface Problem {
	dayStart: number;
	dayEnd: number;
	origin: Position;
	mode: TravelMode;
	stops: Stop[];
	/** Minutes between places: index 0 is the origin, index i + 1 is stops[i]. */
	travel: number[][];
}

export function problemOf(input: Omit<Problem, 'travel'>): Problem {
	return {
		...input,
		travel: travelMatrix([input.origin, ...input.stops.map((s) => s.position)], input.mode)
	};
}

/** A fixed stop's window: it starts at `start` and lasts its stay. */
export function fixedWindow(start: number, stay: number): Window[] {
	return [{ start, end: start + stay }];
}

/** The earliest start at or after `arrival` at which the whole stay fits a window, or -1. */
export function earliestStart(stop: Stop, arrival: number): number {
	for (const w of stop.windows) {
		const start = arrival > w.start ? arrival : w.start;
		if (start + stop.stay <= w.end) return start;
	}
	return -1;
}
