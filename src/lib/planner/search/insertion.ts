import type { Context, State } from './context';

/** Building days by insertion: each stop goes where it adds least. */

/** Insert stops one by one in the given order, each where it is cheapest. */
export function insertAll(ctx: Context, seq: number[], order: number[]): State {
	const out: number[] = [];
	ctx.ev.setBase(seq);
	let cost = ctx.ev.baseCost;
	for (const v of order) {
		const best = ctx.ev.bestInsertion(v);
		if (best.pos < 0) {
			out.push(v);
			continue;
		}
		seq.splice(best.pos, 0, v);
		cost = best.cost;
		ctx.ev.setBase(seq);
	}
	return { seq, out, cost };
}

/** Cheapest insertion: each round, the stop that is cheapest to add anywhere. */
export function cheapestInsertion(ctx: Context, fixed: number[], flexible: number[]): State {
	const seq = [...fixed];
	const out = [...flexible];
	for (;;) {
		ctx.ev.setBase(seq);
		let choice: { index: number; pos: number; cost: number } | undefined;
		for (const [index, v] of out.entries()) {
			const { pos, cost } = ctx.ev.bestInsertion(v, choice?.cost ?? Infinity);
			if (pos >= 0) choice = { index, pos, cost };
		}
		if (!choice) break;
		seq.splice(choice.pos, 0, out[choice.index]);
		out.splice(choice.index, 1);
	}
	return ctx.state(seq, out);
}

/** Put left-out stops back wherever they now fit. */
export function reinsert(ctx: Context, state: State): boolean {
	let changed = false;
	for (let o = 0; o < state.out.length; o++) {
		ctx.ev.setBase(state.seq);
		const { pos, cost } = ctx.ev.bestInsertion(state.out[o]);
		if (pos < 0) continue;
		state.seq.splice(pos, 0, state.out[o]);
		state.out.splice(o--, 1);
		state.cost = cost;
		changed = true;
	}
	return changed;
}
