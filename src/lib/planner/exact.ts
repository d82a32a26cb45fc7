import { earliestStart, type Problem } from './problem';

/**
 * Exact search over subsets (Held–Karp with time windows). A partial day is a label: the set of
 * flexible stops done, the last place, how many fixed stops are behind, when it ends (t) and when
 * the visitor left home (dep). Among labels of the same state, one that ends no later and left no
 * earlier is at least as good for every continuation (earliest start is monotone and the final cost
 * is finish − departure − stays), so only the Pareto front on (t, dep) is kept. The best plan does
 * the most flexible stops, then has the lowest cost; fixed stops are all visited.
 */

interface Label {
	t: number;
	dep: number;
	node: number;
	prev: Label | undefined;
}

export interface SearchResult {
	/** Indices into problem.stops, in visiting order. */
	order: number[];
	count: number;
	cost: number;
}

function popcount(x: number): number {
	let c = 0;
	for (; x; x &= x - 1) c++;
	return c;
}

/** `fixed` must be in time order and mutually reachable; `flexible` at most ~12 stops. */
export function exactSearch(p: Problem, fixed: number[], flexible: number[]): SearchResult {
	const n = flexible.length;
	const k = fixed.length;
	const nodes = n + k + 1;
	// DP node → problem stop index (node 0 is the origin).
	const stopOf = [-1, ...flexible, ...fixed];
	const travel = (a: number, b: number) => p.travel[a === 0 ? 0 : stopOf[a] + 1][stopOf[b] + 1];
	const fixedStart = fixed.map((i) => p.stops[i].windows[0].start);
	const fixedEnd = fixed.map((i) => p.stops[i].windows[0].end);
	const stayOfMask = new Float64Array(1 << n);
	for (let mask = 1; mask < 1 << n; mask++) {
		const low = 31 - Math.clz32(mask & -mask);
		stayOfMask[mask] = stayOfMask[mask & (mask - 1)] + p.stops[flexible[low]].stay;
	}
	const fixedStays = fixed.reduce((sum, i) => sum + p.stops[i].stay, 0);

	const key = (mask: number, j: number, last: number) => (mask * (k + 1) + j) * nodes + last;
	const fronts = new Map<number, Label[]>();
	const layers: number[][] = Array.from({ length: n + k + 1 }, () => []);

	function add(mask: number, j: number, label: Label) {
		const at = key(mask, j, label.node);
		let front = fronts.get(at);
		if (!front) {
			front = [];
			fronts.set(at, front);
			layers[popcount(mask) + j].push(at);
		}
		for (const other of front) if (other.t <= label.t && other.dep >= label.dep) return;
		for (let i = front.length - 1; i >= 0; i--)
			if (label.t <= front[i].t && label.dep >= front[i].dep) front.splice(i, 1);
		front.push(label);
	}

	add(0, 0, { t: p.dayStart, dep: -Infinity, node: 0, prev: undefined });
	let best: { count: number; cost: number; label: Label } | undefined;

	for (let layer = 0; layer <= n + k; layer++) {
		for (const at of layers[layer]) {
			const last = at % nodes;
			const j = Math.floor(at / nodes) % (k + 1);
			const mask = Math.floor(at / nodes / (k + 1));
			for (const label of fronts.get(at)!) {
				const first = last === 0;
				if (j === k) {
					const count = popcount(mask);
					const cost = first ? 0 : label.t - label.dep - stayOfMask[mask] - fixedStays;
					if (!best || count > best.count || (count === best.count && cost < best.cost))
						best = { count, cost, label };
				}
				for (let i = 0; i < n; i++) {
					if (mask & (1 << i)) continue;
					const node = i + 1;
					const leg = travel(last, node);
					const stop = p.stops[flexible[i]];
					const start = earliestStart(stop, label.t + leg);
					if (start < 0) continue;
					const end = start + stop.stay;
					if (end > p.dayEnd) continue;
					// The next fixed stop must stay reachable, or this branch can never finish.
					if (j < k && end + travel(node, n + 1 + j) > fixedStart[j]) continue;
					add(mask | (1 << i), j, {
						t: end,
						dep: first ? start - leg : label.dep,
						node,
						prev: label
					});
				}
				if (j < k) {
					const node = n + 1 + j;
					const leg = travel(last, node);
					if (label.t + leg > fixedStart[j] || fixedEnd[j] > p.dayEnd) continue;
					add(mask, j + 1, {
						t: fixedEnd[j],
						dep: first ? fixedStart[j] - leg : label.dep,
						node,
						prev: label
					});
				}
			}
		}
	}

	if (!best) return { order: [], count: 0, cost: Infinity };
	const order: number[] = [];
	for (let l: Label | undefined = best.label; l && l.node !== 0; l = l.prev)
		order.push(stopOf[l.node]);
	order.reverse();
	return { order, count: best.count, cost: best.cost };
}
