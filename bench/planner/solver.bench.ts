// `npm run bench:planner`: how long the day solver takes for 6, 10, 20 and 30 flexible stops, as
// the median over many random days around the lake, and how good the heuristic's days are next to
// the best of many random restarts. Figures, not a test: nothing fails on a slow number.
//
// Environment: BENCH_DAYS (random days per size, default 60).
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { afterAll, bench, describe } from 'vitest';
import { heuristicSearch } from '$lib/planner/heuristic';
import { lunchWindow, mealMinutes } from '$lib/planner/meal-window';
import { problemOf, type Problem } from '$lib/planner/problem';
import { crowdedOut, solve } from '$lib/planner/solver';
import { randomProblem, type InstanceOptions } from '../../tests/helpers/planner-instances';

const days = Number(process.env.BENCH_DAYS ?? 60);
const restartsForBest = 20;

/** A day with `n` flexible stops and two events. Up to 10 stops the exact search answers. */
function instance(n: number, seed: number): Problem {
	const roomy: InstanceOptions =
		n > 10
			? // Many short stops by bike over ~4 km, the way 20 or 30 stops fit one day.
				{ flexible: n, fixed: 2, stay: [5, 15], day: [7 * 60, 23 * 60], spread: 0.02, mode: 'bike' }
			: { flexible: n, fixed: 2, stay: [15, 90], day: [8 * 60, 22 * 60] };
	return randomProblem(seed * 7919 + n, roomy);
}

/**
 * The same day with a lunch break added: one more flexible stop, 45 minutes inside 11:30–13:30, at
 * a place near the middle of the day's area (where a place to eat would be).
 */
function withLunch(p: Problem): Problem {
	const lat = p.stops.reduce((sum, s) => sum + s.position.lat, 0) / p.stops.length;
	const lon = p.stops.reduce((sum, s) => sum + s.position.lon, 0) / p.stops.length;
	const meal = {
		id: 'meal',
		position: { lat, lon },
		stay: mealMinutes,
		windows: [lunchWindow],
		fixed: false
	};
	return problemOf({ ...p, stops: [...p.stops, meal] });
}

/**
 * What "Order my day" does with the meal break on (planner/day.ts): the day ordered with the
 * break, and again without it only when the break may have crowded out a stop.
 */
function solveWithLunch(p: Problem, lunch: Problem) {
	const first = solve(lunch);
	return crowdedOut(first, lunch.stops.length - 1) ? solve(p) : first;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function quantile(values: number[], q: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Row {
	stops: number | string;
	method: string;
	medianMs: number;
	p90Ms: number;
	maxMs: number;
	/** CPU time of this process: less disturbed than wall time on a shared machine. */
	medianCpuMs: number;
	budgetMs: number;
	vsBest?: { median: number; mean: number; worst: number; over3: number; fewer: number };
}

const rows: Row[] = [];

function measure(n: number, budgetMs: number, lunch = false) {
	const times: number[] = [];
	const cpu: number[] = [];
	const ratios: number[] = [];
	let fewer = 0;
	let exact = true;
	for (let seed = 1; seed <= days; seed++) {
		const p = instance(n, seed);
		const withMeal = lunch ? withLunch(p) : p;
		const t0 = performance.now();
		const c0 = process.cpuUsage();
		const solution = lunch ? solveWithLunch(p, withMeal) : solve(p);
		const c1 = process.cpuUsage(c0);
		times.push(performance.now() - t0);
		cpu.push((c1.user + c1.system) / 1000);
		exact &&= solution.exact;
		if (n <= 10 || lunch) continue;
		const kept = solution.order.filter((i) => p.stops[i].fixed);
		const flexible = p.stops.flatMap((s, i) => (s.fixed ? [] : [i]));
		const best = heuristicSearch(p, kept, flexible, {
			randomOnly: true,
			restarts: restartsForBest,
			seed: seed + 1
		});
		const count = solution.order.length - kept.length;
		if (count < best.count) fewer++;
		else if (count === best.count) ratios.push(solution.schedule.cost / Math.max(1, best.cost));
	}
	rows.push({
		stops: lunch ? `${n} + lunch` : n,
		method: lunch ? (exact ? 'exact' : 'heuristic') : exact ? 'exact' : 'heuristic',
		medianMs: median(times),
		p90Ms: quantile(times, 0.9),
		maxMs: Math.max(...times),
		medianCpuMs: median(cpu),
		budgetMs,
		vsBest: ratios.length
			? {
					median: median(ratios),
					mean: ratios.reduce((a, b) => a + b, 0) / ratios.length,
					worst: Math.max(...ratios),
					over3: ratios.filter((r) => r > 1.03).length,
					fewer
				}
			: undefined
	});
}

describe('day solver', () => {
	for (const [n, budget] of [
		[6, 50],
		[10, 50],
		[20, 100],
		[30, 100]
	] as const) {
		let seed = 0;
		// vitest's own statistics over repeated solves of rotating random days …
		bench(`${n} flexible stops`, () => void solve(instance(n, (seed++ % days) + 1)), {
			iterations: 10,
			time: 0,
			// … and the figures that matter, median per day over `days` days, once per size.
			setup: () => {
				if (!rows.some((r) => r.stops === n)) measure(n, budget);
			}
		});
	}
	// The new day rules: a fixed-time event stretching the day costs nothing (it only moves the
	// day's ends); the lunch break is one more stop and a second solve.
	for (const [n, budget] of [
		[10, 50],
		[30, 100]
	] as const) {
		let seed = 0;
		bench(
			`${n} flexible stops + lunch break`,
			() => {
				const p = instance(n, (seed++ % days) + 1);
				void solveWithLunch(p, withLunch(p));
			},
			{
				iterations: 10,
				time: 0,
				setup: () => {
					if (!rows.some((r) => r.stops === `${n} + lunch`)) measure(n, budget, true);
				}
			}
		);
	}
});

afterAll(() => {
	const pct = (x: number) => `${((x - 1) * 100).toFixed(1)} %`;
	const load = os.loadavg()[0].toFixed(1);
	console.log(
		`\nDay solver over ${days} random days per size (two events each; best = best of ${restartsForBest} random restarts)` +
			`\n${os.cpus().length} CPUs, load average ${load} (wall times stretch on a busy machine)\n`
	);
	console.table(
		rows.map((r) => ({
			stops: r.stops,
			method: r.method,
			'median ms': r.medianMs.toFixed(1),
			'p90 ms': r.p90Ms.toFixed(1),
			'max ms': r.maxMs.toFixed(1),
			'median CPU ms': r.medianCpuMs.toFixed(1),
			'budget ms': r.budgetMs,
			'cost vs best (median)': r.vsBest ? pct(r.vsBest.median) : '',
			'(mean)': r.vsBest ? pct(r.vsBest.mean) : '',
			'(worst)': r.vsBest ? pct(r.vsBest.worst) : '',
			'days > 3 %': r.vsBest ? r.vsBest.over3 : '',
			'fewer stops': r.vsBest ? r.vsBest.fewer : ''
		}))
	);
	mkdirSync('bench/results', { recursive: true });
	const file = `bench/results/planner-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
	writeFileSync(file, JSON.stringify({ days, restartsForBest, load: os.loadavg(), rows }, null, 2));
	console.log(`written to ${file}`);
});
