import { describe, expect, it } from 'vitest';
import type { Position } from '$lib/content/geo';
import { distanceM } from '$lib/content/geo';
import {
	maxAccuracyM,
	resumedWalkUp,
	stopAt,
	walkIsCurrent,
	walkLastsMs,
	walkUp,
	walkUpStart,
	type Fix,
	type WalkUpState,
	type WalkUpStop
} from '$lib/content/walk-up';

// Near the Taibai Lake culture centre. A metre north is 1/111,195 of a degree of latitude.
const origin: Position = { lat: 35.37, lon: 116.58 };
const north = (m: number): Position => ({ lat: origin.lat + m / 111_195, lon: origin.lon });

/** Walks through fixes, collecting the stops whose narration started. */
function walk(stops: WalkUpStop[], fixes: Fix[], state: WalkUpState = walkUpStart) {
	const starts: number[] = [];
	for (const fix of fixes) {
		const step = walkUp(stops, state, fix);
		state = step.state;
		if (step.start !== undefined) starts.push(step.start);
	}
	return { starts, state };
}
const at = (...metres: number[]): Fix[] =>
	metres.map((m) => ({ position: north(m), accuracyM: 10 }));

const single: WalkUpStop[] = [{ index: 0, position: north(200), radiusM: 40 }];

describe('the walk-up rule', () => {
	it('places the test walk where it says: 200 m north is 200 m away', () => {
		expect(distanceM(origin, north(200))).toBeCloseTo(200, 0);
	});

	it('starts a stop when the visitor comes inside its radius', () => {
		expect(walk(single, at(0, 100, 150, 165, 170)).starts).toEqual([0]);
	});

	it('starts nothing while the visitor stays outside the radius', () => {
		expect(walk(single, at(0, 100, 150, 158, 159)).starts).toEqual([]);
	});

	it('never starts a stop twice: leaving and coming back is not a new arrival', () => {
		expect(walk(single, at(170, 180, 200, 300, 400, 300, 200, 190)).starts).toEqual([0]);
	});

	it('starts once when GPS jitter crosses the edge of the radius again and again', () => {
		expect(walk(single, at(159, 161, 159, 161, 159, 161, 159, 161)).starts).toEqual([0]);
	});

	it('takes stray fixes inside the radius, each between fixes far away, for noise', () => {
		expect(walk(single, at(100, 170, 100, 170, 100)).starts).toEqual([]);
	});

	it('ignores fixes too vague to place the visitor, without forgetting the one before', () => {
		const vague = { position: north(200), accuracyM: maxAccuracyM + 100 };
		expect(walk(single, [vague, vague, vague]).starts).toEqual([]);
		expect(walk(single, [...at(170), vague, ...at(175)]).starts).toEqual([0]);
	});

	it('uses each stop’s own radius', () => {
		const wide: WalkUpStop[] = [{ index: 0, position: north(200), radiusM: 120 }];
		expect(walk(wide, at(90, 95)).starts).toEqual([0]);
		expect(walk(single, at(90, 95)).starts).toEqual([]);
	});

	it('at two stops 30 m apart, starts the one the visitor stands at and the other when they reach it', () => {
		const close: WalkUpStop[] = [
			{ index: 0, position: north(200), radiusM: 40 },
			{ index: 1, position: north(230), radiusM: 40 }
		];
		// Standing at the first (inside both radii) starts only the first.
		const first = walk(close, at(195, 200, 200, 205, 200));
		expect(first.starts).toEqual([0]);
		// Walking on to the second starts it, once.
		expect(walk(close, at(225, 230, 232, 260, 230), first.state).starts).toEqual([1]);
	});

	it('says which stop a position is at: the nearest containing one', () => {
		const close: WalkUpStop[] = [
			{ index: 3, position: north(200), radiusM: 40 },
			{ index: 7, position: north(230), radiusM: 40 }
		];
		expect(stopAt(close, north(210))).toBe(3);
		expect(stopAt(close, north(220))).toBe(7);
		expect(stopAt(close, north(100))).toBeUndefined();
	});
});

describe('a walk kept across a reload', () => {
	it('never starts again a stop its walk started before the reload, and still starts the others', () => {
		const two: WalkUpStop[] = [
			{ index: 0, position: north(200), radiusM: 40 },
			{ index: 1, position: north(600), radiusM: 40 }
		];
		const before = walk(two, at(0, 195, 200));
		expect(before.starts).toEqual([0]);
		// What the phone keeps is the started list; the page reloads and resumes from it.
		const kept = { started: [...before.state.started] };
		const after = walk(two, at(200, 200, 205, 400, 600, 602), resumedWalkUp(kept));
		expect(after.starts).toEqual([1]);
	});

	it('starts every stop again on a new walk (nothing kept)', () => {
		expect(walk(single, at(195, 200), resumedWalkUp(undefined)).starts).toEqual([0]);
	});

	it('is current while it was touched within its lifetime, and over after it', () => {
		const now = Date.parse('2026-12-07T12:00:00Z');
		const touched = (ms: number) => ({ updatedAt: new Date(now - ms).toISOString() });
		expect(walkIsCurrent(touched(60_000), now)).toBe(true);
		expect(walkIsCurrent(touched(walkLastsMs - 1), now)).toBe(true);
		expect(walkIsCurrent(touched(walkLastsMs), now)).toBe(false);
		expect(walkIsCurrent({ updatedAt: 'not a date' }, now)).toBe(false);
	});
});
