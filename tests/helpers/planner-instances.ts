import { fixedWindow, problemOf, type Problem, type Stop, type Window } from '$lib/planner/problem';
import { seededRandom } from '$lib/planner/random';
import { travelModes, type TravelMode } from '$lib/planner/travel';

/** Opening patterns seen around the lake, in minutes from midnight. */
const hours: Window[][] = [
	[{ start: 0, end: 24 * 60 }],
	[{ start: 8 * 60 + 30, end: 17 * 60 + 30 }],
	[{ start: 9 * 60, end: 17 * 60 }],
	[{ start: 10 * 60, end: 22 * 60 }],
	[{ start: 17 * 60, end: 23 * 60 }],
	[
		{ start: 9 * 60, end: 12 * 60 },
		{ start: 14 * 60, end: 18 * 60 }
	]
];

export interface InstanceOptions {
	flexible: number;
	fixed?: number;
	/** Visit lengths are drawn from [min, max] minutes. */
	stay?: [number, number];
	day?: [number, number];
	/** Half-size of the area in degrees of latitude (~111 km per degree). */
	spread?: number;
	/** The travel mode; random when absent. */
	mode?: TravelMode;
}

/** A random day around Taibai Lake: venues with typical hours, some events at fixed times. */
export function randomProblem(seed: number, options: InstanceOptions): Problem {
	const random = seededRandom(seed);
	const { flexible, fixed = 0, stay = [15, 90], day = [8 * 60, 22 * 60], spread = 0.03 } = options;
	const at = () => ({
		lat: 35.35 + (random() * 2 - 1) * spread,
		lon: 116.59 + (random() * 2 - 1) * spread * 1.2
	});
	const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
	const stops: Stop[] = [];
	for (let i = 0; i < flexible; i++) {
		stops.push({
			id: `v${i}`,
			position: at(),
			stay: int(stay[0], stay[1]),
			windows: hours[int(0, hours.length - 1)],
			fixed: false
		});
	}
	for (let i = 0; i < fixed; i++) {
		const start = int(day[0] / 15 + 4, day[1] / 15 - 8) * 15;
		const length = int(2, 8) * 15;
		stops.push({
			id: `e${i}`,
			position: at(),
			stay: length,
			windows: fixedWindow(start, length),
			fixed: true
		});
	}
	// Events first or venues first should not matter to the solver: shuffle the input order.
	for (let i = stops.length - 1; i > 0; i--) {
		const j = Math.floor(random() * (i + 1));
		[stops[i], stops[j]] = [stops[j], stops[i]];
	}
	return problemOf({
		dayStart: day[0],
		dayEnd: day[1],
		origin: at(),
		mode: options.mode ?? travelModes[int(0, travelModes.length - 1)],
		stops
	});
}
