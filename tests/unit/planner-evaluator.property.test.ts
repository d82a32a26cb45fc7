import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Evaluator } from '$lib/planner/evaluator';
import { seededRandom, shuffle } from '$lib/planner/random';
import { sequenceCost } from '$lib/planner/schedule';
import { randomProblem } from '../helpers/planner-instances';

// The local search trusts the evaluator's shortcuts (remembered times, the travel lower bound,
// the tail that is back in step): each must give exactly the cost of timing the whole day anew.

/** A feasible day to start from: stops added in random order while they fit. */
function baseDay(seed: number) {
	const p = randomProblem(seed, { flexible: 14, fixed: 2, stay: [5, 40], spread: 0.02 });
	const random = seededRandom(seed);
	const seq: number[] = [];
	for (const v of shuffle(
		p.stops.map((_, i) => i),
		random
	)) {
		seq.push(v);
		if (sequenceCost(p, seq) === Infinity) seq.pop();
	}
	return { p, seq, random };
}

/** What the evaluator must answer for an order: its cost when below the bound, else Infinity. */
const expected = (cost: number, bound: number) => (cost < bound ? cost : Infinity);

describe('the move evaluator', () => {
	test('prices every or-opt, 2-opt and exchange move exactly as timing the new order does', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
				const { p, seq, random } = baseDay(seed);
				const ev = new Evaluator(p);
				expect(ev.setBase(seq)).toBe(true);
				expect(ev.baseCost).toBe(sequenceCost(p, seq));
				const n = seq.length;
				for (let k = 0; k < 60 && n >= 3; k++) {
					const bound = random() < 0.5 ? Infinity : sequenceCost(p, seq) + 10 - random() * 30;
					const size = 1 + Math.floor(random() * Math.min(3, n - 1));
					const from = Math.floor(random() * (n - size + 1));
					const to = Math.floor(random() * (n - size + 1));
					const reversed = random() < 0.5;
					const moved = ev.orOptOrder(from, size, to, reversed);
					expect(ev.costOrOpt(from, size, to, reversed, bound)).toBe(
						expected(sequenceCost(p, moved), bound)
					);
					const i = Math.floor(random() * (n - 1));
					const j = i + 2 + Math.floor(random() * (n - i - 1));
					if (j <= n)
						expect(ev.costReversal(i, j, bound)).toBe(
							expected(sequenceCost(p, ev.reversalOrder(i, j)), bound)
						);
					const a = Math.floor(random() * (n - 1));
					const b = a + 1 + Math.floor(random() * (n - a - 1));
					expect(ev.costSwap(a, b, bound)).toBe(
						expected(sequenceCost(p, ev.swapOrder(a, b)), bound)
					);
				}
			}),
			{ numRuns: 60 }
		);
	});

	test('finds the cheapest feasible place to insert a stop, as trying every place does', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
				const { p, seq } = baseDay(seed);
				const ev = new Evaluator(p);
				for (const v of p.stops.map((_, i) => i).filter((i) => !seq.includes(i))) {
					ev.setBase(seq);
					let best = Infinity;
					for (let pos = 0; pos <= seq.length; pos++)
						best = Math.min(best, sequenceCost(p, [...seq.slice(0, pos), v, ...seq.slice(pos)]));
					const found = ev.bestInsertion(v);
					expect(found.pos >= 0 ? found.cost : Infinity).toBe(best);
				}
			}),
			{ numRuns: 60 }
		);
	});
});
