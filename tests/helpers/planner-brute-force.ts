import type { Problem } from '$lib/planner/problem';
import { sequenceCost } from '$lib/planner/schedule';

/**
 * Every order of every subset of the flexible stops, with all `fixed` stops in it: the most
 * flexible stops, then the least cost. Only for small instances (7 stops: about a million orders).
 */
export function bruteForce(
	p: Problem,
	fixed: number[],
	flexible: number[]
): { count: number; cost: number } {
	let best = { count: -1, cost: Infinity };
	const seq: number[] = [];
	const used = new Set<number>();
	const all = [...fixed, ...flexible];
	const fixedSet = new Set(fixed);
	function visit(fixedDone: number) {
		const cost = sequenceCost(p, seq);
		if (cost === Infinity) return;
		if (fixedDone === fixed.length) {
			const count = seq.length - fixed.length;
			if (count > best.count || (count === best.count && cost < best.cost)) best = { count, cost };
		}
		for (const stop of all) {
			if (used.has(stop)) continue;
			used.add(stop);
			seq.push(stop);
			visit(fixedDone + (fixedSet.has(stop) ? 1 : 0));
			seq.pop();
			used.delete(stop);
		}
	}
	visit(0);
	return best;
}
