import type { LocalDateTime } from '../time';

// A venue's open state as pages carry it, and how a running page re-reads it from the clock. Apart
// from cards.ts (which computes the state with the opening_hours library, 110 KB gzip) so that a
// page showing a badge never downloads that library: the badge only compares times.

export interface OpenState {
	open: boolean;
	/** Closing time when open, next opening when closed. */
	until?: LocalDateTime;
	nextOpen?: LocalDateTime;
	alwaysOpen?: boolean;
	holiday?: string;
	calendarMissing?: number;
	/**
	 * The open intervals of the coming week (holidays applied), so a page left open re-reads the
	 * state from the clock (`openStateAt`) instead of showing "open" past closing time.
	 */
	intervals?: { start: LocalDateTime; end: LocalDateTime }[];
}

/**
 * The state at a later moment `now`, from the intervals it carries: what a badge shows on a page
 * left open past a closing or an opening time.
 */
export function openStateAt(state: OpenState, now: LocalDateTime): OpenState {
	if (state.alwaysOpen || !state.intervals) return state;
	const current = state.intervals.find((i) => i.start <= now && now < i.end);
	const next = state.intervals.find((i) => i.start > now);
	return {
		...state,
		open: !!current,
		until: current ? current.end : next?.start,
		nextOpen: current ? undefined : next?.start
	};
}
