import { Evaluator } from '../evaluator';
import type { Problem } from '../problem';
import { sequenceCost } from '../schedule';

/**
 * What every part of the heuristic shares: the problem, one evaluator, each stop's neighbours by
 * travel time, and the day being improved.
 */

/** A day under construction: the order, the flexible stops left out, travel + waiting. */
export interface State {
	seq: number[];
	out: number[];
	cost: number;
}

/** How many nearest stops or-opt, 2-opt and exchange consider linking a stop to. */
const neighbours = 6;

export class Context {
	readonly ev: Evaluator;
	/** Each stop's other stops, nearest first by travel time. */
	readonly nearest: number[][];
	/** The first few of those: the granular neighbourhood of the local search. */
	readonly near: number[][];
	private pos: Int32Array;

	constructor(readonly p: Problem) {
		this.ev = new Evaluator(p);
		this.pos = new Int32Array(p.stops.length);
		const all = p.stops.map((_, i) => i);
		this.nearest = all.map((a) =>
			all.filter((b) => b !== a).sort((b, c) => p.travel[a + 1][b + 1] - p.travel[a + 1][c + 1])
		);
		this.near = this.nearest.map((list) => list.slice(0, neighbours));
	}

	/** Where each stop is in `seq` (-1 when not planned). Shared buffer: valid until the next call. */
	positions(seq: number[]): Int32Array {
		this.pos.fill(-1);
		for (let i = 0; i < seq.length; i++) this.pos[seq[i]] = i;
		return this.pos;
	}

	isFixed(stop: number): boolean {
		return this.p.stops[stop].fixed;
	}

	state(seq: number[], out: number[]): State {
		return { seq, out, cost: sequenceCost(this.p, seq) };
	}
}

/** More flexible stops first, then less travel + waiting. */
export function better(a: State, b: State | undefined): boolean {
	if (!b) return true;
	return a.out.length < b.out.length || (a.out.length === b.out.length && a.cost < b.cost);
}
