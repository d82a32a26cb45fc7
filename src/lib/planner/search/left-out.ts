import type { Context, State } from './context';

/** Moves for days that cannot hold every stop: trade planned stops for left-out ones. */

/** Swap a left-out stop for a planned flexible one where that is cheaper. */
export function swapOut(ctx: Context, state: State): boolean {
	const { ev } = ctx;
	let changed = false;
	for (let i = 0; i < state.seq.length && state.out.length; i++) {
		const seq = state.seq;
		if (ctx.isFixed(seq[i])) continue;
		const rest = [...seq.slice(0, i), ...seq.slice(i + 1)];
		if (!ev.setBase(rest)) continue;
		for (let o = 0; o < state.out.length; o++) {
			const { pos, cost } = ev.bestInsertion(state.out[o], state.cost);
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
export function eject(ctx: Context, state: State): boolean {
	const { ev } = ctx;
	const { seq, out } = state;
	for (let i = 0; i < seq.length && out.length; i++) {
		if (ctx.isFixed(seq[i])) continue;
		const rest = [...seq.slice(0, i), ...seq.slice(i + 1)];
		if (!ev.setBase(rest)) continue;
		const firsts = out.map((v) => ev.bestInsertion(v));
		for (let o = 0; o < out.length; o++) {
			if (firsts[o].pos < 0) continue;
			const trial = [...rest];
			trial.splice(firsts[o].pos, 0, out[o]);
			const others = [seq[i], ...out.filter((_, x) => x !== o)];
			ev.setBase(trial);
			for (const [x, v] of others.entries()) {
				const second = ev.bestInsertion(v);
				if (second.pos < 0) continue;
				trial.splice(second.pos, 0, v);
				others.splice(x, 1);
				state.seq = trial;
				state.out = others;
				state.cost = second.cost;
				return true;
			}
			ev.setBase(rest);
		}
	}
	return false;
}
