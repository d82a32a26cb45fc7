import type { SearchResult } from './exact';
import type { Problem } from './problem';
import { seededRandom, shuffle } from './random';
import { sequenceCost } from './schedule';
import { anneal } from './search/annealing';
import { better, Context, type State } from './search/context';
import { cheapestInsertion, insertAll } from './search/insertion';
import { improve } from './search/local-search';

/**
 * Beyond what exact search can afford: build a few days by insertion (cheapest insertion, and
 * random insertion orders), improve each by local search (search/local-search.ts), then anneal
 * from the best with ruin-and-recreate steps (search/annealing.ts) and polish the result by local
 * search. Same objective as the exact search: most flexible stops, then least travel + waiting.
 * Seeded, so the same day always gets the same plan.
 */

export interface HeuristicOptions {
	/** Random-order starts on top of the cheapest-insertion start. */
	restarts?: number;
	/** Ruin-and-recreate steps per flexible stop. */
	stepsPerStop?: number;
	seed?: number;
	/** Only random-order starts, each improved by local search (the "many random restarts" yardstick). */
	randomOnly?: boolean;
}

export function heuristicSearch(
	p: Problem,
	fixed: number[],
	flexible: number[],
	options: HeuristicOptions = {}
): SearchResult {
	// With 30 stops, 80 steps per stop are about 25 ms of CPU here and within 3 % of the best of
	// twenty random restarts on every random day tried (bench/planner).
	const { restarts = 2, stepsPerStop = 80, seed = 1, randomOnly = false } = options;
	const ctx = new Context(p);
	const random = seededRandom(seed);
	let best: State | undefined;
	const starts: State[] = [];
	if (!randomOnly) starts.push(improve(ctx, cheapestInsertion(ctx, fixed, flexible)));
	for (let r = 0; r < restarts; r++)
		starts.push(improve(ctx, insertAll(ctx, [...fixed], shuffle([...flexible], random))));
	for (const start of starts) if (better(start, best)) best = start;
	if (best && !randomOnly && flexible.length > 0) {
		// Anneal from every start, not only the best: independent runs make a bad day rarer than
		// one run of the same length does (bench/planner's worst day).
		const steps = Math.ceil((stepsPerStop * flexible.length) / starts.length);
		for (const start of starts) {
			const annealed = anneal(ctx, start, steps, random);
			if (better(annealed, best)) best = annealed;
		}
		best = improve(ctx, { seq: [...best.seq], out: [...best.out], cost: best.cost });
	}
	if (!best) return { order: [...fixed], count: 0, cost: sequenceCost(p, fixed) };
	return { order: best.seq, count: flexible.length - best.out.length, cost: best.cost };
}
