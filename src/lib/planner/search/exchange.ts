import type { Context, State } from './context';

/**
 * One pass of exchange: swap a stop with one next to one of its nearest stops. Where a fixed time
 * splits the day, this moves work across it without leaving a gap that turns into waiting.
 */
export function exchange(ctx: Context, state: State): boolean {
	const { ev } = ctx;
	let changed = false;
	ev.setBase(state.seq);
	let pos = ctx.positions(state.seq);
	for (let i = 0; i < state.seq.length; i++) {
		const a = state.seq[i];
		if (ctx.isFixed(a)) continue;
		for (const u of ctx.near[a]) {
			if (pos[u] < 0) continue;
			let done = false;
			for (let side = -1; side <= 1; side += 2) {
				const j = pos[u] + side;
				if (j < 0 || j >= state.seq.length || j === i || ctx.isFixed(state.seq[j])) continue;
				const lo = i < j ? i : j;
				const hi = i < j ? j : i;
				const c = ev.costSwap(lo, hi, state.cost);
				if (c < state.cost) {
					state.seq = ev.swapOrder(lo, hi);
					state.cost = c;
					changed = done = true;
					ev.setBase(state.seq);
					pos = ctx.positions(state.seq);
					break;
				}
			}
			if (done) break;
		}
	}
	return changed;
}
