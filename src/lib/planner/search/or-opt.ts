import type { Context, State } from './context';

/**
 * One pass of or-opt: every improving move of a block of 1–3 stops is taken as found. A block is
 * only tried next to one of the nearest stops of its ends (granular neighbourhood), at the start
 * of the day and at its end, plain or reversed.
 */
export function orOpt(ctx: Context, state: State): boolean {
	const { ev } = ctx;
	let changed = false;
	ev.setBase(state.seq);
	let pos = ctx.positions(state.seq);
	// Candidate moves as pairs (position in the rest, reversed?).
	const targets: number[] = [];
	for (let size = 1; size <= 3; size++) {
		for (let from = 0; from + size <= state.seq.length; from++) {
			const seq = state.seq;
			const len = seq.length;
			const end = from + size;
			targets.length = 0;
			targets.push(0, 0, len - size, 0);
			if (size > 1) targets.push(from, 1);
			for (const u of ctx.near[seq[from]]) {
				const at = pos[u];
				if (at < 0 || (at >= from && at < end)) continue;
				const rest = at < from ? at : at - size;
				targets.push(rest + 1, 0);
				if (size > 1) targets.push(rest, 1);
			}
			for (const u of ctx.near[seq[end - 1]]) {
				const at = pos[u];
				if (at < 0 || (at >= from && at < end)) continue;
				const rest = at < from ? at : at - size;
				targets.push(rest, 0);
				if (size > 1) targets.push(rest + 1, 1);
			}
			for (let k = 0; k < targets.length; k += 2) {
				const to = targets[k];
				const reversed = targets[k + 1] === 1;
				if ((to === from && !reversed) || (reversed && size === 1)) continue;
				const c = ev.costOrOpt(from, size, to, reversed, state.cost);
				if (c < state.cost) {
					state.seq = ev.orOptOrder(from, size, to, reversed);
					state.cost = c;
					changed = true;
					ev.setBase(state.seq);
					pos = ctx.positions(state.seq);
					break;
				}
			}
		}
	}
	return changed;
}
