import type { Context, State } from './context';

/**
 * One pass of 2-opt: every improving reversal is taken as found. A reversal of [i, j) links
 * seq[i - 1] to seq[j - 1] and seq[i] to seq[j]; only links to near stops are tried.
 */
export function twoOpt(ctx: Context, state: State): boolean {
	const { ev } = ctx;
	let changed = false;
	ev.setBase(state.seq);
	let pos = ctx.positions(state.seq);
	const ends: number[] = [];
	for (let i = 0; i < state.seq.length - 1; i++) {
		const seq = state.seq;
		const len = seq.length;
		ends.length = 0;
		if (i > 0) for (const u of ctx.near[seq[i - 1]]) if (pos[u] > i) ends.push(pos[u] + 1);
		for (const u of ctx.near[seq[i]]) if (pos[u] > i + 1) ends.push(pos[u]);
		if (i === 0) for (let j = 2; j <= len; j++) ends.push(j);
		ends.push(len);
		for (const j of ends) {
			if (j < i + 2 || j > len) continue;
			const c = ev.costReversal(i, j, state.cost);
			if (c < state.cost) {
				state.seq = ev.reversalOrder(i, j);
				state.cost = c;
				changed = true;
				ev.setBase(state.seq);
				pos = ctx.positions(state.seq);
				break;
			}
		}
	}
	return changed;
}
