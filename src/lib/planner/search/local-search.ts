import type { Context, State } from './context';
import { exchange } from './exchange';
import { reinsert } from './insertion';
import { eject, swapOut } from './left-out';
import { orOpt } from './or-opt';
import { twoOpt } from './two-opt';

/** Local search to a local optimum: more stops first, then cheaper orders. */
export function improve(ctx: Context, state: State): State {
	for (;;) {
		let changed = reinsert(ctx, state);
		changed = orOpt(ctx, state) || changed;
		changed = twoOpt(ctx, state) || changed;
		changed = exchange(ctx, state) || changed;
		if (!changed) changed = swapOut(ctx, state);
		// The dearest move last: only once nothing cheaper helps.
		if (!changed) changed = eject(ctx, state);
		if (!changed) return state;
	}
}
