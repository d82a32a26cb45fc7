import { distanceM, type Position } from './geo';

/**
 * The walk-up rule of the audio guide: when a visitor following a tour has reached a stop, so
 * that its narration starts (or is offered). Pure, so it is tested with made-up walks; the tour
 * walk feeds it each position fix and keeps the state it returns.
 *
 * - A visitor is at the stop nearest to them among those whose radius they are inside: standing
 *   at one of two close stops never starts the other.
 * - A stop starts once per walk: leaving and coming back, or GPS jitter across its edge, never
 *   starts it again.
 * - One stray fix is not an arrival: the visitor must be at the same stop at two fixes, with none
 *   in between putting them clearly away (beyond the radius by `leaveMarginM`: jitter at the edge
 *   does not count as leaving). Fixes vaguer than `maxAccuracyM` are ignored.
 */
export interface WalkUpStop {
	index: number;
	position: Position;
	radiusM: number;
}

export interface WalkUpState {
	/** Stops whose narration has started on this walk, by index. */
	started: readonly number[];
	/** The stop the previous usable fix put the visitor at, not started yet. */
	pending?: number;
}

export interface Fix {
	position: Position;
	/** Metres (the Geolocation API's `accuracy`); absent when unknown. */
	accuracyM?: number;
}

/** Worse than this, a fix could be anywhere around a stop (cell-tower fixes are 100 m+). */
export const maxAccuracyM = 60;

/** How far beyond its radius a visitor must go to have left a stop: GPS wanders by this much. */
export function leaveMarginM(stop: WalkUpStop): number {
	return Math.max(10, stop.radiusM / 4);
}

export const walkUpStart: WalkUpState = { started: [] };

/** The stop the visitor is at, if any: the nearest of the stops whose radius contains them. */
export function stopAt(stops: readonly WalkUpStop[], position: Position): number | undefined {
	let best: { index: number; d: number } | undefined;
	for (const stop of stops) {
		const d = distanceM(position, stop.position);
		if (d <= stop.radiusM && (!best || d < best.d)) best = { index: stop.index, d };
	}
	return best?.index;
}

export function walkUp(
	stops: readonly WalkUpStop[],
	state: WalkUpState,
	fix: Fix
): { state: WalkUpState; start?: number } {
	if (fix.accuracyM !== undefined && !(fix.accuracyM <= maxAccuracyM)) return { state };
	const at = stopAt(stops, fix.position);
	if (at === undefined) {
		// Just outside the edge, an arrival seen once still counts; further out it is forgotten.
		const pending = stops.find((stop) => stop.index === state.pending);
		const near =
			pending &&
			distanceM(fix.position, pending.position) <= pending.radiusM + leaveMarginM(pending);
		return { state: near ? state : { started: state.started } };
	}
	if (state.started.includes(at)) return { state: { started: state.started } };
	if (state.pending !== at) return { state: { started: state.started, pending: at } };
	return { state: { started: [...state.started, at] }, start: at };
}

/**
 * A walk as the phone keeps it across reloads: when it began, and the stops whose narration
 * started on it (the `started` of the rule's state). The pending arrival is not kept: a reload
 * costs at most one more fix.
 */
export interface StoredWalk {
	tourId: string;
	startedAt: string;
	updatedAt: string;
	started: number[];
}

/**
 * A walk untouched for this long is over: a visitor who opens the tour the next day is not still
 * on yesterday's walk, and is not followed by GPS unasked.
 */
export const walkLastsMs = 12 * 60 * 60 * 1000;

export function walkIsCurrent(walk: Pick<StoredWalk, 'updatedAt'>, now: number): boolean {
	const at = Date.parse(walk.updatedAt);
	return Number.isFinite(at) && now - at < walkLastsMs && at - now < walkLastsMs;
}

/** Where the rule stands on a walk resumed after a reload: its started stops stay started. */
export function resumedWalkUp(walk: Pick<StoredWalk, 'started'> | undefined): WalkUpState {
	return walk ? { started: [...walk.started] } : walkUpStart;
}
