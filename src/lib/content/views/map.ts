import { pick } from '../localized';
import { practicalKinds, venueKinds, type VenueKind } from '../schemas';
import type { Snapshot } from '../snapshot';
import { addDays } from '../time';
import { eventCard, openState, type EventCard, type OpenState } from './cards';
import type { ViewContext, ViewParams } from './context';
import { publicVenues } from './venues';

/** A map layer: one per venue kind present, plus today's events. */
export type MapGroup = VenueKind | 'event';

export interface MapVenue {
	slug: string;
	name: string;
	kind: VenueKind;
	group: MapGroup;
	practical: boolean;
	position: { lat: number; lon: number };
	state: OpenState;
}

export interface MapEvent extends EventCard {
	/** Unique per occurrence: a recurring event can happen twice in a day. */
	key: string;
	group: 'event';
	position: { lat: number; lon: number };
}

/** All venues by kind as layers, today's remaining events, and practical points as their own layers. */
export function mapView(snap: Snapshot, _params: ViewParams, { lang, now }: ViewContext) {
	const today = now.slice(0, 10);
	const venues: MapVenue[] = publicVenues(snap).map((v) => ({
		slug: v.slug,
		name: pick(v.name, lang),
		kind: v.kind,
		group: v.kind,
		practical: practicalKinds.includes(v.kind),
		position: v.position,
		state: openState(snap, v, now, lang)
	}));
	// Events still on or to come today; one without a position of its own is drawn at its venue.
	const events: MapEvent[] = snap
		.occurrencesBetween(now, `${addDays(today, 1)}T00:00`)
		.filter((o) => o.event.status !== 'draft')
		.flatMap((o) => {
			const position = o.event.position ?? snap.venue(o.event.venueId)?.position;
			if (!position) return [];
			const card = eventCard(snap, o, lang);
			return [{ ...card, key: `${card.slug}@${card.start}`, group: 'event' as const, position }];
		});
	const groups: { id: MapGroup; practical: boolean; count: number }[] = venueKinds
		.map((kind) => ({
			id: kind as MapGroup,
			practical: practicalKinds.includes(kind),
			count: venues.filter((p) => p.kind === kind).length
		}))
		.filter((g) => g.count > 0);
	if (events.length) groups.unshift({ id: 'event', practical: false, count: events.length });
	return { now, groups, venues, events, settings: snap.settings.map };
}

export type MapViewData = ReturnType<typeof mapView>;
