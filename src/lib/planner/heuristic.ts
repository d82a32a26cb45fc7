import { Evaluator } from './evaluator';
import type { SearchResult } from './exact';
import type { Problem } from './problem';
import { seededRandom, shuffle } from './random';
import { sequenceCost } from './schedule';

/**
 * Beyond what exact search can afford: build days by insertion (cheapest insertion, and a few
 * random insertion orders), improve each by local search (re-insert what was left out, or-opt
 * moves of one to three consecutive stops, plain or reversed, 2-opt reversals, exchanges, swapping
 * a left-out stop for a planned one, and an ejection that trades one planned stop for two left-out
 * ones), then ruin and recreate from the best: take some stops out, put them back, improve, keep
 * what is better. Same objective as the exact search: most flexible stops, then least travel +
 * waiting. Seeded, so the same day always gets the same plan.
 */

export interface HeuristicOptions {
	/** Random-order starts on top of the cheapest-insertion start. */
	restarts?: number;
	/** Ruin-and-recreate rounds from the best start (at most). */
	rounds?: number;
	/** Stop the rounds after this many in a row without a gain. */
	patience?: number;
	seed?: number;
	/** How much dearer (share) a rebuilt day may be and still be explored from. */
	threshold?: number;
	/** Only random-order starts and no ruin-and-recreate (the "many random restarts" yardstick). */
	randomOnly?: boolean;
}

/** How many nearest stops or-opt and 2-opt consider linking a stop to. */
const neighbours = 6;

interface State {
	seq: number[];
	out: number[];
	cost: number;
}

class Search {
	private ev: Evaluator;
	private pos: Int32Array;
	/** Each stop's nearest stops by travel time. */
	private near: number[][];

	constructor(private p: Problem) {
		this.ev = new Evaluator(p);
		this.pos = new Int32Array(p.stops.length);
		const all = p.stops.map((_, i) => i);
		this.near = all.map((a) =>
			all
				.filter((b) => b !== a)
				.sort((b, c) => p.travel[a + 1][b + 1] - p.travel[a + 1][c + 1])
				.slice(0, neighbours)
		);
	}

	/** Insert stops one by one in the given order, each where it is cheapest. */
	insertAll(seq: number[], order: number[]): State {
		const out: number[] = [];
		for (const v of order) {
			this.ev.setBase(seq);
			const { pos } = this.ev.bestInsertion(v);
			if (pos >= 0) seq.splice(pos, 0, v);
			else out.push(v);
		}
		return { seq, out, cost: sequenceCost(this.p, seq) };
	}

	/** Cheapest insertion: each round, the stop that is cheapest to add anywhere. */
	cheapestInsertion(fixed: number[], flexible: number[]): State {
		const seq = [...fixed];
		const out = [...flexible];
		for (;;) {
			this.ev.setBase(seq);
			let choice: { index: number; pos: number; cost: number } | undefined;
			for (const [index, v] of out.entries()) {
				const { pos, cost } = this.ev.bestInsertion(v, choice?.cost ?? Infinity);
				if (pos >= 0) choice = { index, pos, cost };
			}
			if (!choice) break;
			seq.splice(choice.pos, 0, out[choice.index]);
			out.splice(choice.index, 1);
		}
		return { seq, out, cost: sequenceCost(this.p, seq) };
	}

	private reinsert(state: State): boolean {
		let changed = false;
		for (let o = 0; o < state.out.length; o++) {
			this.ev.setBase(state.seq);
			const { pos, cost } = this.ev.bestInsertion(state.out[o]);
			if (pos < 0) continue;
			state.seq.splice(pos, 0, state.out[o]);
			state.out.splice(o--, 1);
			state.cost = cost;
			changed = true;
		}
		return changed;
	}

	/** Where each stop is in `seq` (-1 when not planned). */
	private positions(seq: number[]): Int32Array {
		this.pos.fill(-1);
		for (let i = 0; i < seq.length; i++) this.pos[seq[i]] = i;
		return this.pos;
	}

	/**
	 * One pass of or-opt: every improving move of a block of 1–3 stops is taken as found. A block
	 * is only tried next to one of the nearest stops of its ends (granular neighbourhood), at the
	 * start of the day and at its end.
	 */
	private orOpt(state: State): boolean {
		let changed = false;
		this.ev.setBase(state.seq);
		let pos = this.positions(state.seq);
		const targets: number[] = [];
		for (let size = 1; size <= 3; size++) {
			for (let from = 0; from + size <= state.seq.length; from++) {
				const seq = state.seq;
				const len = seq.length;
				const first = seq[from];
				const last = seq[from + size - 1];
				// Candidate moves as pairs (position in the rest, reversed?).
				targets.length = 0;
				targets.push(0, 0, len - size, 0);
				if (size > 1) targets.push(from, 1);
				const rest = (u: number) => (pos[u] < from ? pos[u] : pos[u] - size);
				const inBlock = (u: number) => pos[u] < 0 || (pos[u] >= from && pos[u] < from + size);
				for (const u of this.near[first]) {
					if (inBlock(u)) continue;
					targets.push(rest(u) + 1, 0);
					if (size > 1) targets.push(rest(u), 1);
				}
				for (const u of this.near[last]) {
					if (inBlock(u)) continue;
					targets.push(rest(u), 0);
					if (size > 1) targets.push(rest(u) + 1, 1);
				}
				for (let k = 0; k < targets.length; k += 2) {
					const to = targets[k];
					const r = targets[k + 1] === 1;
					if ((to === from && !r) || (r && size === 1)) continue;
					const c = this.ev.costOrOpt(from, size, to, r, state.cost);
					if (c < state.cost) {
						state.seq = this.ev.orOptOrder(from, size, to, r);
						state.cost = c;
						changed = true;
						this.ev.setBase(state.seq);
						pos = this.positions(state.seq);
						break;
					}
				}
			}
		}
		return changed;
	}

	/**
	 * One pass of 2-opt: every improving reversal is taken as found. A reversal of [i, j) links
	 * seq[i - 1] to seq[j - 1] and seq[i] to seq[j]; only links to near stops are tried.
	 */
	private twoOpt(state: State): boolean {
		let changed = false;
		this.ev.setBase(state.seq);
		let pos = this.positions(state.seq);
		const ends: number[] = [];
		for (let i = 0; i < state.seq.length - 1; i++) {
			const seq = state.seq;
			const len = seq.length;
			ends.length = 0;
			if (i > 0) for (const u of this.near[seq[i - 1]]) if (pos[u] > i) ends.push(pos[u] + 1);
			for (const u of this.near[seq[i]]) if (pos[u] > i + 1) ends.push(pos[u]);
			if (i === 0) for (let j = 2; j <= len; j++) ends.push(j);
			ends.push(len);
			for (const j of ends) {
				if (j < i + 2 || j > len) continue;
				const c = this.ev.costReversal(i, j, state.cost);
				if (c < state.cost) {
					state.seq = this.ev.reversalOrder(i, j);
					state.cost = c;
					changed = true;
					this.ev.setBase(state.seq);
					pos = this.positions(state.seq);
					break;
				}
			}
		}
		return changed;
	}

	/**
	 * One pass of exchange: swap a stop with one next to one of its nearest stops. Where a fixed
	 * time splits the day, this moves work across it without leaving a gap that turns into waiting.
	 */
	private exchange(state: State): boolean {
		let changed = false;
		this.ev.setBase(state.seq);
		let pos = this.positions(state.seq);
		for (let i = 0; i < state.seq.length; i++) {
			const a = state.seq[i];
			if (this.p.stops[a].fixed) continue;
			for (const u of this.near[a]) {
				if (pos[u] < 0) continue;
				let done = false;
				for (const j of [pos[u] - 1, pos[u] + 1]) {
					if (j < 0 || j >= state.seq.length || j === i) continue;
					if (this.p.stops[state.seq[j]].fixed) continue;
					const [lo, hi] = i < j ? [i, j] : [j, i];
					const c = this.ev.costSwap(lo, hi, state.cost);
					if (c < state.cost) {
						state.seq = this.ev.swapOrder(lo, hi);
						state.cost = c;
						changed = done = true;
						this.ev.setBase(state.seq);
						pos = this.positions(state.seq);
						break;
					}
				}
				if (done) break;
			}
		}
		return changed;
	}

	/** Swap a left-out stop for a planned flexible one where that is cheaper. */
	private swapOut(state: State): boolean {
		let changed = false;
		for (let i = 0; i < state.seq.length && state.out.length; i++) {
			const seq = state.seq;
			if (this.p.stops[seq[i]].fixed) continue;
			const rest = [...seq.slice(0, i), ...seq.slice(i + 1)];
			if (!this.ev.setBase(rest)) continue;
			for (let o = 0; o < state.out.length; o++) {
				const { pos, cost } = this.ev.bestInsertion(state.out[o], state.cost);
				if (pos < 0) continue;
				rest.splice(pos, 0, state.out[o]);
				state.out[o] = seq[i];
				state.seq = rest;
				state.cost = cost;
				changed = true;
				break;
			}
		}
		return changed;
	}

	/** Ejection: trade a planned stop for a left-out one if that makes room for one more. */
	private eject(state: State): boolean {
		const { seq, out } = state;
		for (let i = 0; i < seq.length && out.length; i++) {
			if (this.p.stops[seq[i]].fixed) continue;
			const rest = [...seq.slice(0, i), ...seq.slice(i + 1)];
			if (!this.ev.setBase(rest)) continue;
			const firsts = out.map((v) => this.ev.bestInsertion(v));
			for (let o = 0; o < out.length; o++) {
				if (firsts[o].pos < 0) continue;
				const trial = [...rest];
				trial.splice(firsts[o].pos, 0, out[o]);
				const others = [seq[i], ...out.filter((_, x) => x !== o)];
				this.ev.setBase(trial);
				for (const [x, v] of others.entries()) {
					const second = this.ev.bestInsertion(v);
					if (second.pos < 0) continue;
					trial.splice(second.pos, 0, v);
					others.splice(x, 1);
					state.seq = trial;
					state.out = others;
					state.cost = second.cost;
					return true;
				}
				this.ev.setBase(rest);
			}
		}
		return false;
	}

	/** Local search to a local optimum; more stops first, then cheaper orders. */
	improve(state: State): State {
		for (;;) {
			let changed = this.reinsert(state);
			changed = this.orOpt(state) || changed;
			changed = this.twoOpt(state) || changed;
			changed = this.exchange(state) || changed;
			if (!changed) changed = this.swapOut(state);
			// The dearest move last: only once nothing cheaper helps.
			if (!changed) changed = this.eject(state);
			if (!changed) return state;
		}
	}

	/**
	 * Take some flexible stops out (a random share, or a stretch of the day) and put them and the
	 * left-out ones back in random order.
	 */
	ruinAndRecreate(state: State, random: () => number): State {
		const seq: number[] = [];
		const removed: number[] = [];
		const len = state.seq.length;
		const stretch = random() < 0.5;
		const share = 0.15 + random() * 0.25;
		const size = 2 + Math.floor(random() * Math.max(1, len * 0.3));
		const from = Math.floor(random() * Math.max(1, len - size));
		for (const [i, stop] of state.seq.entries()) {
			const take = stretch ? i >= from && i < from + size : random() < share;
			if (take && !this.p.stops[stop].fixed) removed.push(stop);
			else seq.push(stop);
		}
		// Put them back greedily (cheapest first) or in random order, half and half.
		const back = [...removed, ...state.out];
		return this.improve(
			random() < 0.5
				? this.cheapestInsertion(seq, back)
				: this.insertAll(seq, shuffle(back, random))
		);
	}
}

function better(a: State, b: State | undefined): boolean {
	if (!b) return true;
	return a.out.length < b.out.length || (a.out.length === b.out.length && a.cost < b.cost);
}

export function heuristicSearch(
	p: Problem,
	fixed: number[],
	flexible: number[],
	options: HeuristicOptions = {}
): SearchResult {
	// Up to 20 stops a restart costs little and diversity pays most; beyond, a restart costs more
	// and ruin-and-recreate from one good day does better (bench/planner).
	const small = flexible.length <= 20;
	const {
		restarts = small ? 12 : 4,
		rounds = small ? 10 : 30,
		patience = small ? 10 : 15,
		seed = 1,
		randomOnly = false
	} = options;
	const search = new Search(p);
	const random = seededRandom(seed);
	let best: State | undefined;
	const starts: State[] = [];
	if (!randomOnly) starts.push(search.improve(search.cheapestInsertion(fixed, flexible)));
	for (let r = 0; r < restarts; r++)
		starts.push(search.improve(search.insertAll([...fixed], shuffle([...flexible], random))));
	for (const start of starts) if (better(start, best)) best = start;
	if (!best || randomOnly) return result(best, fixed, flexible, p);
	// Ruin and recreate from the best start. Threshold accepting: a rebuild with as many stops
	// and at most 1 % dearer may replace the current day (to leave a local optimum); the best day
	// is kept aside. Stop early once a few rounds in a row bring nothing new.
	let current = best;
	for (let round = 0, idle = 0; round < rounds && idle < patience; round++) {
		const candidate = search.ruinAndRecreate(current, random);
		if (better(candidate, best)) {
			best = candidate;
			idle = 0;
		} else idle++;
		if (
			better(candidate, current) ||
			(candidate.out.length === current.out.length &&
				candidate.cost <= current.cost * (1 + (options.threshold ?? 0.01)))
		)
			current = candidate;
	}
	return result(best, fixed, flexible, p);
}

function result(
	best: State | undefined,
	fixed: number[],
	flexible: number[],
	p: Problem
): SearchResult {
	if (!best) return { order: [...fixed], count: 0, cost: sequenceCost(p, fixed) };
	return { order: best.seq, count: flexible.length - best.out.length, cost: best.cost };
}
