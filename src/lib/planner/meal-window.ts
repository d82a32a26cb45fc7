import type { Position } from '$lib/content/geo';
import type { Venue } from '$lib/content/schemas';

/**
 * The meal break every day plan gets by default: about three quarters of an hour, some time
 * between 11:30 and 13:30 (Chinese lunchtime), in minutes from midnight. The visitor can move it,
 * lock it at another time, lengthen it or turn it off.
 */
export const lunchWindow = { start: 11 * 60 + 30, end: 13 * 60 + 30 };
export const mealMinutes = 45;
export const mealId = 'lunch';

/** Where the meal break happens: a place to eat near the day's stops, or just a point on the way. */
export interface MealSpot {
	position: Position;
	venue?: Venue;
}
