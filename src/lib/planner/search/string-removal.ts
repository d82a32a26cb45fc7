import { shuffle } from '../random';
import type { Context, State } from './context';
import { insertAll } from './insertion';

/**
 * Ruin and recreate by string removal (after Christiaens and Vanden Berghe's SISR, 2020): take out
 * short runs of consecutive stops around a random stop and the stops nearest to it, then insert
 * them and the left-out ones back one by one, each where it is cheapest. Removing neighbours
 * together lets a cluster move to another part of the day (across an event) in one step, which
 * single-stop moves cannot do without passing through worse days.
 */

/** At most this many stops are taken out in one go, and runs are at most this long. */
const maxRemoved = 10;
const maxRun = 4;

export function ruinAndRecreate(ctx: Context, state: State, random: () => number): State {
	const { seq } = state;
	const removed = new Set<number>();
	const want = 1 + Math.floor(random() * Math.min(maxRemoved, seq.length / 3));
	const centre = seq[Math.floor(random() * seq.length)];
	const pos = ctx.positions(seq);
	for (let k = -1; k < ctx.nearest[centre].length && removed.size < want; k++) {
		const u = k < 0 ? centre : ctx.nearest[centre][k];
		if (pos[u] < 0 || removed.has(u)) continue;
		const run = 1 + Math.floor(random() * maxRun);
		const from = Math.max(0, pos[u] - Math.floor(random() * run));
		const to = Math.min(seq.length, from + run);
		for (let i = from; i < to; i++) if (!ctx.isFixed(seq[i])) removed.add(seq[i]);
	}
	const rest = seq.filter((u) => !removed.has(u));
	const back = [...removed, ...state.out];
	// Insertion order matters; vary it: random, longest stays first, fewest openings first.
	const order = random();
	if (order < 0.5) shuffle(back, random);
	else if (order < 0.75) back.sort((a, b) => ctx.p.stops[b].stay - ctx.p.stops[a].stay);
	else back.sort((a, b) => ctx.p.stops[a].windows.length - ctx.p.stops[b].windows.length);
	return insertAll(ctx, rest, back);
}
