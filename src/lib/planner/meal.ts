import { distanceM, type Position } from '$lib/content/geo';
import type { Venue } from '$lib/content/schemas';
import type { Snapshot } from '$lib/content/snapshot';
import { buildDay, venueWindows, type Day } from './build';
import { lunchWindow, mealMinutes, type MealSpot } from './meal-window';
import type { Plan } from './plan';
import { timeline, type Schedule } from './schedule';

/**
 * Where and whether the day's meal break happens. The break is planned when the visitor is out
 * over lunchtime (they could not eat before setting off or after getting back), unless a food
 * event they chose already covers lunch. It happens at the place to eat nearest to where the
 * visitor is around lunchtime; without one nearby, where they are.
 */

/** Places to eat open long enough for the break between 11:30 and 13:30 on `date`. */
export function eatingVenues(snap: Snapshot, date: string, minutes = mealMinutes): Venue[] {
	return snap.venues.filter((v) => {
		if (v.status !== 'published') return false;
		const eats =
			v.kind === 'restaurant_area' ||
			v.facilities.includes('restaurant') ||
			v.facilities.includes('cafe');
		if (!eats) return false;
		return venueWindows(snap, v, date).some(
			(w) => Math.min(w.end, lunchWindow.end) - Math.max(w.start, lunchWindow.start) >= minutes
		);
	});
}

/** The visitor is out over lunch: they set off too late to eat first and get back too late to eat after. */
export function spansLunch(schedule: Schedule, minutes = mealMinutes): boolean {
	return (
		schedule.visits.length > 0 &&
		schedule.departure < lunchWindow.start + minutes &&
		schedule.finish > lunchWindow.end - minutes
	);
}

interface Base {
	day: Day;
	/** The planned stops in order, timed. */
	schedule: Schedule;
	/** Plan item index per visit. */
	items: number[];
}

/** The day without its meal break, as the visitor ordered it. */
function baseDay(snap: Snapshot, plan: Plan): Base {
	const day = buildDay(snap, { ...plan, items: plan.items.filter((i) => i.type !== 'meal') });
	const planned = day.items.filter((d) => !d.item.left && d.stop !== undefined);
	return {
		day,
		schedule: timeline(
			day.problem,
			planned.map((d) => d.stop!)
		),
		items: planned.map((d) => d.index)
	};
}

/** A food event the visitor attends over lunch (the Snack Fair at noon) is their meal. */
function coveredByFood(base: Base, minutes: number): boolean {
	return base.schedule.visits.some((v, i) => {
		const d = base.day.items[base.items[i]];
		const overlap = Math.min(v.end, lunchWindow.end) - Math.max(v.start, lunchWindow.start);
		return d.event?.category === 'food' && overlap >= minutes;
	});
}

/** Whether this plan wants a meal break: on, with stops, out over lunch and not eating at an event. */
export function wantsMeal(snap: Snapshot, plan: Plan, minutes = mealMinutes): boolean {
	if (plan.meal === false || !plan.items.some((i) => i.type !== 'meal' && !i.left)) return false;
	const base = baseDay(snap, plan);
	return spansLunch(base.schedule, minutes) && !coveredByFood(base, minutes);
}

/** Where the visitor is around lunchtime: the stops they are at or between then. */
function lunchPositions(base: Base, origin: Position): Position[] {
	const near = base.schedule.visits.filter(
		(v) => v.end > lunchWindow.start - 60 && v.start < lunchWindow.end + 60
	);
	const visits = near.length ? near : base.schedule.visits;
	const positions = visits.flatMap((v) => base.day.problem.stops[v.stop].position ?? []);
	return positions.length ? positions : [origin];
}

/** Where the meal break of this plan happens. */
export function mealSpot(snap: Snapshot, plan: Plan): MealSpot {
	const meal = plan.items.find((i) => i.type === 'meal');
	const minutes = meal?.minutes ?? mealMinutes;
	const base = baseDay(snap, plan);
	const around = lunchPositions(base, base.day.origin);
	const distance = (p: Position) => Math.min(...around.map((a) => distanceM(a, p)));
	const nearby = eatingVenues(snap, plan.date, minutes)
		.map((venue) => ({ venue, metres: distance(venue.position) }))
		.sort((a, b) => a.metres - b.metres || a.venue.id.localeCompare(b.venue.id));
	const nearest = nearby[0];
	// Farther than a short walk, a place to eat is a detour, not a break: eat where you are.
	if (nearest && nearest.metres <= 1500)
		return { position: nearest.venue.position, venue: nearest.venue };
	return { position: around[0] };
}
