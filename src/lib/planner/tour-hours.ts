import { distanceM, type Position } from '$lib/content/geo';
import type { TourMode } from '$lib/content/schemas';
import { addMinutes, type LocalDateTime } from '$lib/content/time';
import { travelModel } from './travel';

/**
 * A tour walked from a given moment: when the visitor reaches each stop (legs measured along the
 * drawn path at the tour's pace, plus the suggested stays) and which stops are closed then, by the
 * open intervals their venues carry (holiday-aware, from the same evaluation as every "open now").
 * Pure, so the walk re-checks whenever the clock or the order changes.
 */

export interface TourStopHours {
	index: number;
	position: Position;
	/** Metres from the previous stop of the tour, along its path. */
	legM: number;
	stayMinutes: number;
	/** The venue's open intervals for the coming week; absent: always accessible (a square, a point). */
	intervals?: { start: LocalDateTime; end: LocalDateTime }[];
}

export type ClosedStop = {
	index: number;
	arrive: LocalDateTime;
} & (
	| /** Opens later that day: visiting it later in the walk may work. */ {
			code: 'opens_later';
			opens: LocalDateTime;
	  }
	  /** Open earlier that day, closed by the time the visitor gets there. */
	| { code: 'closes_before'; closed: LocalDateTime }
	/** Not open at all that day (the museum's Monday). */
	| { code: 'closed_today' }
);

/** Metres per minute along a tour's path (no detour factor: the path is the way walked). */
function pace(modes: TourMode[]): number {
	const mode = modes.includes('walk') ? 'walk' : 'bike';
	return (travelModel[mode].kmPerHour * 1000) / 60;
}

/** Metres from `a` to `b`: along the path between neighbouring stops, else the street estimate. */
function legOf(a: TourStopHours, b: TourStopHours): number {
	return b.index === a.index + 1
		? b.legM
		: distanceM(a.position, b.position) * travelModel.walk.detour;
}

/** When the visitor reaches each stop, in the order given, starting now at the first. */
export function arrivals(
	stops: TourStopHours[],
	start: LocalDateTime,
	modes: TourMode[]
): LocalDateTime[] {
	const speed = pace(modes);
	let t = start;
	return stops.map((stop, i) => {
		if (i > 0) t = addMinutes(t, Math.ceil(legOf(stops[i - 1], stop) / speed));
		const arrive = t;
		t = addMinutes(t, stop.stayMinutes);
		return arrive;
	});
}

/** Stops closed when the visitor would reach them, walking the stops in this order from `start`. */
export function closedStops(
	stops: TourStopHours[],
	start: LocalDateTime,
	modes: TourMode[]
): ClosedStop[] {
	const times = arrivals(stops, start, modes);
	return stops.flatMap((stop, i): ClosedStop[] => {
		const arrive = times[i];
		if (!stop.intervals) return [];
		if (stop.intervals.some((w) => w.start <= arrive && arrive < w.end)) return [];
		const day = arrive.slice(0, 10);
		const today = stop.intervals.filter(
			(w) => w.start.slice(0, 10) <= day && w.end.slice(0, 10) >= day
		);
		const later = today.find((w) => w.start > arrive && w.start.slice(0, 10) === day);
		if (later) return [{ index: stop.index, arrive, code: 'opens_later', opens: later.start }];
		const earlier = today.filter((w) => w.end <= arrive).pop();
		if (earlier) return [{ index: stop.index, arrive, code: 'closes_before', closed: earlier.end }];
		return [{ index: stop.index, arrive, code: 'closed_today' }];
	});
}

/**
 * A better order when some stops open later: the others first, in tour order, then those, in tour
 * order. Undefined when no stop opens later or the new order leaves as many stops closed.
 */
export function laterOrder(
	stops: TourStopHours[],
	start: LocalDateTime,
	modes: TourMode[]
): number[] | undefined {
	const closed = closedStops(stops, start, modes);
	const later = new Set(closed.filter((c) => c.code === 'opens_later').map((c) => c.index));
	if (!later.size) return undefined;
	const order = [
		...stops.filter((s) => !later.has(s.index)),
		...stops.filter((s) => later.has(s.index))
	];
	return closedStops(order, start, modes).length < closed.length
		? order.map((s) => s.index)
		: undefined;
}
