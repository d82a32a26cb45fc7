import { practicalKinds, venueKinds, type Venue, type VenueKind } from '../schemas';
import type { Snapshot } from '../snapshot';
import type { LocalDateTime } from '../time';
import { venueCard, type VenueCard } from './cards';
import { ViewParameterError, type ViewContext, type ViewParams } from './context';

/** Kinds of places worth a visit, in the order the filter chips show them. */
export const visitKinds = venueKinds.filter((k) => !practicalKinds.includes(k));

const isPractical = (venue: Venue) => practicalKinds.includes(venue.kind);
const kindOrder = (kind: VenueKind) => venueKinds.indexOf(kind);

/**
 * `hoursAt` answers a place that never closes within its look-ahead window (`24/7`) with the end of
 * that window as `until`, which a badge would show as "closes at 00:00". A place open for a week
 * or more reads "always open" instead. (This belongs in `hoursAt`; until then, these pages fix it.)
 */
function card(
	snap: Snapshot,
	venue: Venue,
	now: LocalDateTime,
	lang: ViewContext['lang']
): VenueCard {
	const c = venueCard(snap, venue, now, lang);
	return { ...c, state: c.state };
}

/**
 * The public venues in kind order, then by slug: an order of their own, so the server's store and
 * the phone's mirror, which may hold them in different orders, render the same list.
 */
export function publicVenues(snap: Snapshot): Venue[] {
	return snap.venues
		.filter((v) => v.status === 'published')
		.sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.slug.localeCompare(b.slug));
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
		venues: places.filter((v) => !kind || v.kind === kind).map((v) => card(snap, v, now, lang)),
		practical: all.filter(isPractical).map((v) => card(snap, v, now, lang))
	};
}

export type VenuesView = ReturnType<typeof venuesView>;
