import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { heuristicSearch } from '$lib/planner/heuristic';
import type { Problem } from '$lib/planner/problem';
import { solve, type Solution } from '$lib/planner/solver';
import { bruteForce } from '../helpers/planner-brute-force';
import { randomProblem } from '../helpers/planner-instances';

/** Every promise a produced day makes, checked against the problem itself. */
function expectKeepsEveryPromise(p: Problem, solution: Solution) {
	const { visits } = solution.schedule;
	expect(visits.map((v) => v.stop)).toEqual(solution.order);
	// Each stop is either planned or refused, never both, never lost.
	const refused = solution.refused.map((r) => r.stop);
	expect([...solution.order, ...refused].sort((a, b) => a - b)).toEqual(p.stops.map((_, i) => i));
	if (visits.length) {
		expect(solution.schedule.departure).toBeGreaterThanOrEqual(p.dayStart);
		expect(solution.schedule.finish).toBeLessThanOrEqual(p.dayEnd);
	}
	let ready = solution.schedule.departure;
	let from = 0;
	for (const v of visits) {
		const stop = p.stops[v.stop];
		expect(v.issue).toBeUndefined();
		// Never before getting there, and never overlapping the previous stay.
		expect(v.start).toBeGreaterThanOrEqual(ready + p.travel[from][v.stop + 1]);
		expect(v.end - v.start).toBe(stop.stay);
		// A venue only while it is open: the whole visit inside one opening.
		expect(stop.windows.some((w) => w.start <= v.start && v.end <= w.end)).toBe(true);
		// An event exactly at its time.
		if (stop.fixed) expect(v.start).toBe(stop.windows[0].start);
		ready = v.end;
		from = v.stop + 1;
	}
}

const flexibleOnly = (p: Problem) => p.stops.flatMap((s, i) => (s.fixed ? [] : [i]));

describe('the day solver', () => {
	test('never visits a venue while it is closed, never misses an event’s time, never overlaps two stops', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1_000_000 }),
				fc.integer({ min: 0, max: 14 }),
				fc.integer({ min: 0, max: 4 }),
				(seed, flexible, fixed) => {
					const p = randomProblem(seed, { flexible, fixed });
					expectKeepsEveryPromise(p, solve(p));
				}
			),
			{ numRuns: 120 }
		);
	});

	test('keeps its promises with the heuristic too (beyond ten flexible stops)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
				const p = randomProblem(seed, { flexible: 18, fixed: 3 });
				const solution = solve(p, { restarts: 1, stepsPerStop: 5 });
				expect(solution.exact).toBe(false);
				expectKeepsEveryPromise(p, solution);
			}),
			{ numRuns: 15 }
		);
	});

	test('up to seven flexible stops, its day is exactly as good as trying every order of every subset', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 1_000_000 }),
				fc.integer({ min: 1, max: 7 }),
				fc.integer({ min: 0, max: 2 }),
				(seed, flexible, fixed) => {
					const p = randomProblem(seed, { flexible, fixed });
					const solution = solve(p);
					expect(solution.exact).toBe(true);
					const kept = solution.order.filter((i) => p.stops[i].fixed);
					const best = bruteForce(p, kept, flexibleOnly(p));
					expect(solution.order.length - kept.length).toBe(best.count);
					expect(solution.schedule.cost).toBe(best.cost);
				}
			),
			{ numRuns: 40 }
		);
	});

	// The issue's budget, day by day: on every random 30-stop day, as many stops as the yardstick
	// and a cost within 3 % of it. The days are drawn with a fixed seed so that a run is repeatable
	// (a heuristic promises no bound, so a fresh draw could fail by luck, not by a change);
	// bench/planner checks the same on 60 more days.
	test('with 30 stops the heuristic is within 3 % of the best of twenty random restarts on every day', () => {
		const seeds = fc.sample(fc.integer({ min: 1, max: 1_000_000 }), { numRuns: 12, seed: 2026 });
		for (const seed of seeds) {
			const p = randomProblem(seed, {
				flexible: 30,
				fixed: 2,
				stay: [5, 15],
				day: [7 * 60, 23 * 60],
				spread: 0.02,
				mode: 'bike'
			});
			const solution = solve(p);
			const kept = solution.order.filter((i) => p.stops[i].fixed);
			const reference = heuristicSearch(p, kept, flexibleOnly(p), {
				randomOnly: true,
				restarts: 20,
				seed: seed + 1
			});
			const count = solution.order.length - kept.length;
			expect(count, `day ${seed}: stops planned`).toBeGreaterThanOrEqual(reference.count);
			if (count === reference.count)
				expect(solution.schedule.cost, `day ${seed}: travel + waiting`).toBeLessThanOrEqual(
					reference.cost * 1.03
				);
		}
	}, 120_000);
});
