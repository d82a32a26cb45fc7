import type { Position } from '$lib/content/geo';
import { openIntervals } from '$lib/content/opening-hours';
import { occurrences, type Occurrence } from '$lib/content/recurrence';
import type { Event, Venue } from '$lib/content/schemas';
import type { Snapshot } from '$lib/content/snapshot';
import { addDays, minutesBetween, type LocalDateTime } from '$lib/content/time';
import { isDropIn } from './clashes';
import { lunchWindow, mealMinutes, type MealSpot } from './meal-window';
import { minutesOf, type Plan, type PlanItem } from './plan';
import { fixedWindow, problemOf, type Problem, type Window } from './problem';
import { travelMinutes } from './travel';

/**
 * A plan plus the content it refers to, as a solver problem. Opening hours come from
 * `openIntervals` with the snapshot's holiday calendar (the app's one evaluation of hours); event
 * times from the event's occurrences on the plan's date.
 */

/** Why an item cannot be planned at all, before any ordering. */
export type Unusable =
	/** No longer in the guide (removed or unpublished). */
	| { code: 'gone' }
	| { code: 'cancelled' }
	| { code: 'postponed' }
	/** The planned occurrence no longer exists; `to` is the event's time that day, if any. */
	| { code: 'moved'; to?: LocalDateTime }
	/** Locked at a time the venue is closed. */
	| { code: 'closed_at'; at: string };

export interface DayItem {
	/** Index in plan.items. */
	index: number;
	item: PlanItem;
	venue?: Venue;
	event?: Event;
	occurrence?: Occurrence;
	position?: Position;
	/** Index into problem.stops, when the item can be planned. */
	stop?: number;
	unusable?: Unusable;
	/** A timed event (fixed), as opposed to a venue visit or a drop-in event. */
	fixed: boolean;
	/** Minutes spent there. */
	minutes: number;
	/** A meal break: where the visitor eats (absent while the spot is being chosen). */
	meal?: { spot?: MealSpot };
}

/** The visitor's day stretched to an item at a fixed time: the new start or end, and why. */
export interface Stretch {
	/** Minutes from midnight. */
	minutes: number;
	/** Index in plan.items of the item the day stretched for. */
	index: number;
}

export interface Day {
	problem: Problem;
	items: DayItem[];
	/** DayItem index by problem stop index. */
	byStop: number[];
	origin: Position;
	/** Set when a fixed-time item moved the day's start or end (plan.keepHours not set). */
	stretch: { from?: Stretch; to?: Stretch };
}

export interface BuildOptions {
	/** Where a meal break happens; without one, meal items are left out of the day. */
	meal?: MealSpot;
}

export const defaultVisitMinutes = 60;

function minutesFrom(date: string, t: LocalDateTime): number {
	return minutesBetween(`${date}T00:00`, t);
}

/** A venue's opening windows on `date`, in minutes from midnight (always open without a rule). */
export function venueWindows(snap: Snapshot, venue: Venue, date: string): Window[] {
	if (!venue.openingHours) return [{ start: 0, end: 24 * 60 }];
	return openIntervals(venue.openingHours, date, addDays(date, 1), snap.calendar).map((i) => ({
		start: minutesFrom(date, i.start),
		end: minutesFrom(date, i.end)
	}));
}

/** A locked visit: its one window at the locked time, or undefined if closed then. */
function locked(windows: Window[], at: string, minutes: number): Window[] | undefined {
	const start = minutesOf(at);
	return windows.some((w) => w.start <= start && start + minutes <= w.end)
		? fixedWindow(start, minutes)
		: undefined;
}

function intersect(windows: Window[], span: Window): Window[] {
	return windows
		.map((w) => ({ start: Math.max(w.start, span.start), end: Math.min(w.end, span.end) }))
		.filter((w) => w.end > w.start);
}

/** The occurrence of `event` on `date` the item means: its `at`, or the first that day. */
function occurrenceOn(event: Event, date: string, at: string | undefined) {
	const all = occurrences(event, `${date}T00:00`, `${addDays(date, 1)}T00:00`);
	if (!at) return { occurrence: all[0] };
	const same = all.find((o) => o.start === at);
	return same ? { occurrence: same } : { moved: all[0]?.start };
}

export function startPosition(snap: Snapshot, plan: Plan): Position {
	if (plan.start.kind === 'point') return plan.start.position;
	return snap.venue(plan.start.venueId)?.position ?? { lat: 35.346, lon: 116.588 };
}

export function buildDay(snap: Snapshot, plan: Plan, options: BuildOptions = {}): Day {
	const { date } = plan;
	const events = new Map(snap.events.map((e) => [e.id, e]));
	const stops: Problem['stops'] = [];
	const byStop: number[] = [];
	const items = plan.items.map((item, index): DayItem => {
		const base = { index, item };
		if (item.type === 'meal') {
			const spot = options.meal;
			const minutes = item.minutes ?? mealMinutes;
			if (!spot) return { ...base, unusable: { code: 'gone' }, fixed: false, minutes, meal: {} };
			const open = spot.venue
				? intersect(venueWindows(snap, spot.venue, date), lunchWindow)
				: [lunchWindow];
			// Locked, the break may be at any time the visitor chose (the venue being open then).
			const anyTime = spot.venue ? venueWindows(snap, spot.venue, date) : [{ start: 0, end: 1440 }];
			const windows = item.lockedAt ? locked(anyTime, item.lockedAt, minutes) : open;
			const fixed = !!item.lockedAt;
			const common = { ...base, position: spot.position, fixed, minutes, meal: { spot } };
			if (!windows) return { ...common, unusable: { code: 'closed_at', at: item.lockedAt! } };
			stops.push({ id: String(index), position: spot.position, stay: minutes, windows, fixed });
			byStop.push(index);
			return { ...common, stop: stops.length - 1 };
		}
		if (item.type === 'venue') {
			const venue = snap.venue(item.id);
			if (!venue || venue.status !== 'published')
				return { ...base, unusable: { code: 'gone' }, fixed: false, minutes: 0 };
			const minutes = item.minutes ?? venue.visitMinutes ?? defaultVisitMinutes;
			const open = venueWindows(snap, venue, date);
			const windows = item.lockedAt ? locked(open, item.lockedAt, minutes) : open;
			const fixed = !!item.lockedAt;
			if (!windows)
				return {
					...base,
					venue,
					position: venue.position,
					unusable: { code: 'closed_at', at: item.lockedAt! },
					fixed,
					minutes
				};
			stops.push({ id: String(index), position: venue.position, stay: minutes, windows, fixed });
			byStop.push(index);
			return { ...base, venue, position: venue.position, stop: stops.length - 1, fixed, minutes };
		}
		const event = events.get(item.id);
		if (!event || event.status === 'draft')
			return { ...base, unusable: { code: 'gone' }, fixed: true, minutes: 0 };
		const venue = snap.venue(event.venueId);
		const position = venue?.position ?? event.position;
		const found = occurrenceOn(event, date, item.at);
		const common = { ...base, event, venue, position };
		if (event.status === 'cancelled')
			return { ...common, unusable: { code: 'cancelled' }, fixed: true, minutes: 0 };
		if (!found.occurrence)
			return {
				...common,
				unusable:
					event.status === 'postponed' ? { code: 'postponed' } : { code: 'moved', to: found.moved },
				fixed: true,
				minutes: 0
			};
		const occurrence = found.occurrence;
		const span = {
			start: minutesFrom(date, occurrence.start),
			end: minutesFrom(date, occurrence.end)
		};
		if (!position)
			return { ...common, occurrence, unusable: { code: 'gone' }, fixed: true, minutes: 0 };
		if (isDropIn(occurrence.start, occurrence.end, event.allDay)) {
			// A drop-in event (an exhibition, a market): any time while it runs and its venue is open.
			const minutes = item.minutes ?? defaultVisitMinutes;
			const day = { start: Math.max(0, span.start), end: Math.min(24 * 60, span.end) };
			const open = venue ? intersect(venueWindows(snap, venue, date), day) : [day];
			const windows = item.lockedAt ? locked(open, item.lockedAt, minutes) : open;
			const fixed = !!item.lockedAt;
			if (!windows)
				return {
					...common,
					occurrence,
					unusable: { code: 'closed_at', at: item.lockedAt! },
					fixed,
					minutes
				};
			stops.push({ id: String(index), position, stay: minutes, windows, fixed });
			byStop.push(index);
			return { ...common, occurrence, stop: stops.length - 1, fixed, minutes };
		}
		const minutes = span.end - span.start;
		stops.push({
			id: String(index),
			position,
			stay: minutes,
			windows: fixedWindow(span.start, minutes),
			fixed: true
		});
		byStop.push(index);
		return { ...common, occurrence, stop: stops.length - 1, fixed: true, minutes };
	});
	const origin = startPosition(snap, plan);
	const stretch = plan.keepHours ? {} : stretchFor(items, stops, origin, plan);
	const problem = problemOf({
		dayStart: stretch.from?.minutes ?? minutesOf(plan.from),
		dayEnd: stretch.to?.minutes ?? minutesOf(plan.to),
		origin,
		mode: plan.mode,
		stops
	});
	return { problem, items, byStop, origin, stretch };
}

/**
 * The visitor's start and end times are a suggestion: an event at a fixed time that they chose
 * (and did not leave out) stretches the day to include it, setting off early enough to get there.
 */
function stretchFor(
	items: DayItem[],
	stops: Problem['stops'],
	origin: Position,
	plan: Plan
): Day['stretch'] {
	let from = minutesOf(plan.from);
	let to = minutesOf(plan.to);
	const stretch: Day['stretch'] = {};
	for (const d of items) {
		if (d.item.left || d.stop === undefined || !d.event || !d.fixed || d.item.lockedAt) continue;
		const w = stops[d.stop].windows[0];
		const setOff = Math.max(0, w.start - travelMinutes(origin, stops[d.stop].position, plan.mode));
		if (setOff < from) stretch.from = { minutes: (from = setOff), index: d.index };
		if (w.end > to) stretch.to = { minutes: (to = Math.min(24 * 60, w.end)), index: d.index };
	}
	return stretch;
}
