import { practicalKinds, venueKinds, type Venue, type VenueKind } from '../schemas';
import type { Snapshot } from '../snapshot';
import { venueCard } from './cards';
import { ViewParameterError, type ViewContext, type ViewParams } from './context';

/** Kinds of places worth a visit, in the order the filter chips show them. */
export const visitKinds = venueKinds.filter((k) => !practicalKinds.includes(k));

const isPractical = (venue: Venue) => practicalKinds.includes(venue.kind);
const kindOrder = (kind: VenueKind) => venueKinds.indexOf(kind);

/** The public venues, in kind order and otherwise in the editors' order. */
export function publicVenues(snap: Snapshot): Venue[] {
	return snap.venues
		.filter((v) => v.status === 'published')
		.map((v, i) => ({ v, i }))
		.sort((a, b) => kindOrder(a.v.kind) - kindOrder(b.v.kind) || a.i - b.i)
		.map(({ v }) => v);
}

/** Places to visit with a kind filter; practical points (parking, toilets…) listed apart at the end. */
export function venuesView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	const kind = params.kind || undefined;
	if (kind !== undefined && !visitKinds.includes(kind as VenueKind)) {
		throw new ViewParameterError('kind', `must be one of ${visitKinds.join(', ')}`);
	}
	const all = publicVenues(snap);
	const places = all.filter((v) => !isPractical(v));
	return {
		now,
		kind: (kind ?? null) as VenueKind | null,
		/** Only the kinds that have at least one place, so no chip leads to an empty list. */
		kinds: visitKinds
			.map((k) => ({ kind: k, count: places.filter((v) => v.kind === k).length }))
			.filter((k) => k.count > 0),
		total: places.length,
		venues: places
			.filter((v) => !kind || v.kind === kind)
			.map((v) => venueCard(snap, v, now, lang)),
		practical: all.filter(isPractical).map((v) => venueCard(snap, v, now, lang))
	};
}

export type VenuesView = ReturnType<typeof venuesView>;
