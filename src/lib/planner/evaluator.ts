import { earliestStartOf, flatten, type FlatProblem } from './flat-problem';
import type { Problem } from './problem';

/** The latest start at which `stop` still ends by `deadline` inside one of its windows, or -Infinity. */
function latestStart(f: FlatProblem, stop: number, deadline: number): number {
	for (let k = f.winFrom[stop + 1] - 1; k >= f.winFrom[stop]; k--) {
		const start = (deadline < f.winEnd[k] ? deadline : f.winEnd[k]) - f.stay[stop];
		if (start >= f.winStart[k]) return start;
	}
	return -Infinity;
}

/**
 * Evaluates changed orders against a base order quickly, for local search:
 * - the day up to the first changed position is remembered (forward times);
 * - for the unchanged tail, the latest arrival that keeps the rest feasible is remembered, so a
 *   late arrival there is rejected at once; and once a changed order is back in step with the base
 *   (same start at a tail stop), the rest of the day is the base's and the cost follows directly;
 * - travel + waiting only grow along a day, so a candidate is dropped once it reaches the bound.
 * All costs are exactly those of `sequenceCost`.
 */
export class Evaluator {
	readonly buf: Int32Array;
	private startAt: Float64Array;
	private endAt: Float64Array;
	private staysTo: Float64Array;
	private latestArrival: Float64Array;
	private arriveAt: Float64Array;
	/** Largest arrival delay at i that every later stay absorbs without changing window. */
	private maxDelay: Float64Array;
	/** Waiting from i to the end of the day. */
	private waitFrom: Float64Array;
	private departure = 0;
	private finish = 0;
	/** The base's travel: a lower bound on any order's cost is its travel (waiting is never negative). */
	private travel = 0;
	private base: number[] = [];
	private f: FlatProblem;

	constructor(p: Problem) {
		this.f = flatten(p);
		const size = p.stops.length + 1;
		this.buf = new Int32Array(size);
		this.startAt = new Float64Array(size);
		this.endAt = new Float64Array(size);
		this.staysTo = new Float64Array(size);
		this.latestArrival = new Float64Array(size);
		this.arriveAt = new Float64Array(size);
		this.maxDelay = new Float64Array(size);
		this.waitFrom = new Float64Array(size);
	}

	/** The base's travel + waiting (after a successful `setBase`). */
	get baseCost(): number {
		const n = this.base.length;
		return n === 0 ? 0 : this.finish - this.departure - this.staysTo[n - 1];
	}

	/** Remembers `seq` as the base; false if it is not a feasible day. */
	setBase(seq: number[]): boolean {
		this.base = seq;
		const { f } = this;
		const size = f.size;
		let t = f.dayStart;
		let node = 0;
		let stays = 0;
		let travel = 0;
		for (let i = 0; i < seq.length; i++) {
			const s = seq[i];
			const arrive = t + f.travel[node * size + s + 1];
			const start = earliestStartOf(f, s, arrive);
			if (start < 0) return false;
			if (i === 0) this.departure = start - f.travel[s + 1];
			t = start + f.stay[s];
			if (t > f.dayEnd) return false;
			this.arriveAt[i] = arrive;
			travel += f.travel[node * size + s + 1];
			stays += f.stay[s];
			this.startAt[i] = start;
			this.endAt[i] = t;
			this.staysTo[i] = stays;
			node = s + 1;
		}
		this.finish = t;
		this.travel = travel;
		let deadline = f.dayEnd;
		let maxDelay = Infinity;
		let waitFrom = 0;
		for (let i = seq.length - 1; i >= 0; i--) {
			const s = seq[i];
			const latest = latestStart(f, s, deadline);
			this.latestArrival[i] = latest;
			if (i > 0) deadline = latest - f.travel[(seq[i - 1] + 1) * size + s + 1];
			// A delay d at the start of a stay moves it within its window by up to `slack`; waiting
			// before it swallows that much of an arrival delay first.
			const start = this.startAt[i];
			let slack = 0;
			for (let k = f.winFrom[s]; k < f.winFrom[s + 1]; k++)
				if (start >= f.winStart[k] && start + f.stay[s] <= f.winEnd[k]) {
					slack = f.winEnd[k] - f.stay[s] - start;
					break;
				}
			const wait = start - this.arriveAt[i];
			maxDelay = wait + Math.min(slack, maxDelay);
			waitFrom += wait;
			this.maxDelay[i] = maxDelay;
			this.waitFrom[i] = waitFrom;
		}
		return true;
	}

	// The candidate order being evaluated: buf (0), the base with a block moved (1: or-opt), with
	// a stretch reversed (2: 2-opt), or with two stops swapped (3). Moves are read in place.
	private kind = 0;
	private a = 0;
	private b = 0;
	private c = 0;
	private d = 0;

	private at(i: number): number {
		const base = this.base;
		if (this.kind === 0) return this.buf[i];
		if (this.kind === 2)
			return i >= this.a && i < this.b ? base[this.b - 1 - (i - this.a)] : base[i];
		if (this.kind === 3) return i === this.a ? base[this.b] : i === this.b ? base[this.a] : base[i];
		// Or-opt: block [a, a + b) of the base, reversed if d, put before position c of the rest.
		const { a: from, b: size, c: to } = this;
		if (i >= to && i < to + size) return base[from + (this.d ? size - 1 - (i - to) : i - to)];
		const r = i < to ? i : i - size;
		return r < from ? base[r] : base[r + size];
	}

	/** Place (0 origin, stop + 1) at position i of the base; -1 past its end. */
	private place(i: number): number {
		return i < 0 ? 0 : i >= this.base.length ? -1 : this.base[i] + 1;
	}

	/** Travel between places; nothing after the last stop (the day ends there). */
	private leg(a: number, b: number): number {
		return a < 0 || b < 0 ? 0 : this.f.travel[a * this.f.size + b];
	}

	/**
	 * Lower bounds: a move's travel, in O(1) from the base's. Local search tries thousands of moves
	 * whose extra travel alone exceeds the base's small waiting; they need no timing at all.
	 */
	private orOptTravel(from: number, size: number, to: number, reversed: boolean): number {
		const prev = this.place(from - 1);
		const next = this.place(from + size);
		const first = this.place(from);
		const last = this.place(from + size - 1);
		const a = this.place(to - 1 < from ? to - 1 : to - 1 + size);
		const b = this.place(to < from ? to : to + size);
		const head = reversed ? last : first;
		const tail = reversed ? first : last;
		return (
			this.travel -
			this.leg(prev, first) -
			this.leg(last, next) +
			this.leg(prev, next) -
			this.leg(a, b) +
			this.leg(a, head) +
			this.leg(tail, b)
		);
	}

	private reversalTravel(i: number, j: number): number {
		const a = this.place(i - 1);
		const b = this.place(i);
		const c = this.place(j - 1);
		const d = this.place(j);
		return this.travel - this.leg(a, b) - this.leg(c, d) + this.leg(a, c) + this.leg(b, d);
	}

	private swapTravel(i: number, j: number): number {
		const a = this.place(i - 1);
		const x = this.place(i);
		const b = this.place(i + 1);
		const c = this.place(j - 1);
		const y = this.place(j);
		const d = this.place(j + 1);
		if (j === i + 1)
			return this.travel - this.leg(a, x) - this.leg(y, d) + this.leg(a, y) + this.leg(x, d);
		return (
			this.travel -
			this.leg(a, x) -
			this.leg(x, b) -
			this.leg(c, y) -
			this.leg(y, d) +
			this.leg(a, y) +
			this.leg(y, b) +
			this.leg(c, x) +
			this.leg(x, d)
		);
	}

	/** Cost of the base with [from, from + size) moved before position `to` of the rest. */
	costOrOpt(from: number, size: number, to: number, reversed: boolean, bound: number): number {
		if (this.orOptTravel(from, size, to, reversed) >= bound) return Infinity;
		this.kind = 1;
		this.a = from;
		this.b = size;
		this.c = to;
		this.d = reversed ? 1 : 0;
		const c = this.cost(this.base.length, Math.min(from, to), bound, Math.max(from, to) + size);
		this.kind = 0;
		return c;
	}

	/** Cost of the base with [i, j) reversed. */
	costReversal(i: number, j: number, bound: number): number {
		if (this.reversalTravel(i, j) >= bound) return Infinity;
		this.kind = 2;
		this.a = i;
		this.b = j;
		const c = this.cost(this.base.length, i, bound, j);
		this.kind = 0;
		return c;
	}

	/** Cost of the base with the stops at i < j swapped. */
	costSwap(i: number, j: number, bound: number): number {
		if (this.swapTravel(i, j) >= bound) return Infinity;
		this.kind = 3;
		this.a = i;
		this.b = j;
		const c = this.cost(this.base.length, i, bound, j + 1);
		this.kind = 0;
		return c;
	}

	swapOrder(i: number, j: number): number[] {
		const order = [...this.base];
		[order[i], order[j]] = [order[j], order[i]];
		return order;
	}

	/** The order `costOrOpt` or `costReversal` evaluated, as an array. */
	orOptOrder(from: number, size: number, to: number, reversed: boolean): number[] {
		this.kind = 1;
		[this.a, this.b, this.c, this.d] = [from, size, to, reversed ? 1 : 0];
		const order = this.base.map((_, i) => this.at(i));
		this.kind = 0;
		return order;
	}

	reversalOrder(i: number, j: number): number[] {
		this.kind = 2;
		[this.a, this.b] = [i, j];
		const order = this.base.map((_, x) => this.at(x));
		this.kind = 0;
		return order;
	}

	/**
	 * Cost of the candidate order (buf[0, len) unless a move is set), or Infinity if infeasible or
	 * not below `bound`. Its first `same` entries equal the base; from `tail` on, entry i is
	 * base[i - shift].
	 */
	cost(len: number, same: number, bound: number, tail = len, shift = 0): number {
		const { f, base } = this;
		const size = f.size;
		const staysTotal = base.length ? this.staysTo[base.length - 1] : 0;
		let t = same > 0 ? this.endAt[same - 1] : f.dayStart;
		let node = same > 0 ? base[same - 1] + 1 : 0;
		let stays = same > 0 ? this.staysTo[same - 1] : 0;
		let departure = this.departure;
		for (let i = same; i < len; i++) {
			const index = this.at(i);
			const stay = f.stay[index];
			const leg = f.travel[node * size + index + 1];
			const arrive = t + leg;
			let start: number;
			if (i >= tail) {
				const b = i - shift;
				if (arrive > this.latestArrival[b]) return Infinity;
				const delay = arrive - this.arriveAt[b];
				if (delay >= 0 && delay <= this.maxDelay[b]) {
					// The rest keeps its windows: the day ends later by what waiting does not absorb.
					const late = delay - this.waitFrom[b];
					const finish = late > 0 ? this.finish + late : this.finish;
					if (finish > f.dayEnd) return Infinity;
					const cost = finish - departure - (stays + staysTotal - this.staysTo[b] + stay);
					return cost < bound ? cost : Infinity;
				}
				start = earliestStartOf(f, index, arrive);
				if (i === 0) departure = start - leg;
				if (start === this.startAt[b]) {
					// In step with the base again: the rest of the day is the base's.
					const cost = this.finish - departure - (stays + staysTotal - this.staysTo[b] + stay);
					return cost < bound ? cost : Infinity;
				}
			} else {
				start = earliestStartOf(f, index, arrive);
				if (start < 0) return Infinity;
				if (i === 0) departure = start - leg;
			}
			const end = start + stay;
			if (end > f.dayEnd) return Infinity;
			stays += stay;
			t = end;
			node = index + 1;
			if (t - departure - stays >= bound) return Infinity;
		}
		return len === 0 ? 0 : t - departure - stays;
	}

	/** Cheapest feasible position for `v` in the base order, or -1. */
	bestInsertion(v: number, bound = Infinity): { pos: number; cost: number } {
		const seq = this.base;
		const buf = this.buf;
		let best = { pos: -1, cost: bound };
		for (let i = 0; i < seq.length; i++) buf[i + 1] = seq[i];
		for (let pos = 0; pos <= seq.length; pos++) {
			// buf holds seq[0, pos), v, seq[pos, …): shift one entry left per step.
			if (pos > 0) buf[pos - 1] = seq[pos - 1];
			buf[pos] = v;
			const a = this.place(pos - 1);
			const b = this.place(pos);
			if (this.travel - this.leg(a, b) + this.leg(a, v + 1) + this.leg(v + 1, b) >= best.cost)
				continue;
			const c = this.cost(seq.length + 1, pos, best.cost, pos + 1, 1);
			if (c < best.cost) best = { pos, cost: c };
		}
		return best;
	}
}
