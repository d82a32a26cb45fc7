import { better, type Context, type State } from './context';
import { ruinAndRecreate } from './string-removal';

/**
 * Simulated annealing over ruin-and-recreate steps: a rebuilt day replaces the current one if it
 * is better, or dearer by at most what the temperature allows (temperature falls geometrically
 * from `hot` to `cold` minutes). Leaving a stop out weighs more than any travel, so the count of
 * stops only ever gets worse by chance at a negligible rate. A fixed number of steps, not a time
 * limit: the same day always gets the same plan, on any phone.
 */

const hot = 20;
const cold = 1;
/** Minutes one left-out stop weighs in the acceptance test. */
const leftOutWeight = 100_000;

export function anneal(ctx: Context, start: State, steps: number, random: () => number): State {
	const weight = (s: State) => s.cost + leftOutWeight * s.out.length;
	let best = start;
	let current = start;
	for (let step = 0; step < steps; step++) {
		const temperature = hot * Math.pow(cold / hot, step / steps);
		const candidate = ruinAndRecreate(ctx, current, random);
		// Accept when weight(candidate) < weight(current) + T·ln(1/u), u uniform in (0, 1].
		if (weight(candidate) < weight(current) - temperature * Math.log(1 - random()))
			current = candidate;
		if (better(current, best)) best = current;
	}
	return best;
}
