import type { Snapshot } from '../snapshot';
import { tourCard } from './cards';
import type { ViewContext, ViewParams } from './context';

/** All tours as cards, featured ones first; otherwise in the editors' order. */
export function toursView(snap: Snapshot, _params: ViewParams, { lang }: ViewContext) {
	const tours = snap.tours.map((t) => tourCard(t, lang));
	// Array.prototype.sort is stable, so each group keeps the editors' order.
	tours.sort((a, b) => Number(b.featured) - Number(a.featured));
	return { tours };
}

export type ToursView = ReturnType<typeof toursView>;
