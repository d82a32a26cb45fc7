import { distanceM, type LineString, type Position } from '../geo';
import { pick, type Language } from '../localized';
import { defaultRadiusM } from '../narration-limits';
import type { Tour, VenueKind } from '../schemas';
import { narrationView, stopText, type NarrationView } from './narration';
import type { Snapshot } from '../snapshot';
import type { LocalDateTime } from '../time';
import { openState, type OpenState } from './cards';
import {
	ViewNotFoundError,
	ViewParameterError,
	type ViewContext,
	type ViewParams
} from './context';

export interface TourStopView {
	/** Index in the tour's stop list: the key a visited tick is stored under on the device. */
	index: number;
	/** 1-based number shown on the map and in the list. */
	number: number;
	name: string;
	/** Its venue, with the venue page's photos (what "Download this tour" keeps for offline). */
	venue?: {
		slug: string;
		name: string;
		kind: VenueKind;
		photos: { src: string; widths: number[] }[];
	};
	position: Position;
	stayMinutes: number;
	note?: string;
	/** Metres from the previous stop (along the drawn path where it passes the stops), 0 for the first. */
	legM: number;
	/** Its venue's opening state, with the coming week's intervals; absent for a free point. */
	state?: OpenState;
	/** Metres: a visitor this close has reached the stop. */
	radiusM: number;
	narration: NarrationView;
}

/** A path vertex this close to a stop counts as the stop itself. */
const onPathM = 60;

/**
 * Distances between consecutive stops, measured along the drawn path when the path passes through
 * the stops in order (as editors draw it), otherwise as the crow flies. The path is walked forward
 * only, so a path that passes the same place twice still measures each leg once.
 */
export function legDistances(positions: Position[], path: LineString): number[] {
	const vertices = path.coordinates.map(([lon, lat]) => ({ lat, lon }));
	const along = [0];
	for (let i = 1; i < vertices.length; i++) {
		along.push(along[i - 1] + distanceM(vertices[i - 1], vertices[i]));
	}
	let from = -1;
	return positions.map((position, i) => {
		const straight = i === 0 ? 0 : distanceM(positions[i - 1], position);
		const at = passes(vertices, position, Math.max(from, 0));
		if (at < 0) {
			from = -1;
			return Math.round(straight);
		}
		const leg = i === 0 || from < 0 ? straight : along[at] - along[from];
		from = at;
		return Math.round(leg);
	});
}

/**
 * The first place at or after `start` where the path passes the position: the first vertex within
 * reach, then onward while it gets closer. Taking the first pass (not the closest overall) keeps a
 * path that comes back the same way from skipping ahead. -1 when the path never comes near.
 */
function passes(vertices: Position[], position: Position, start: number): number {
	for (let v = start; v < vertices.length; v++) {
		if (distanceM(position, vertices[v]) > onPathM) continue;
		while (
			v + 1 < vertices.length &&
			distanceM(position, vertices[v + 1]) < distanceM(position, vertices[v])
		) {
			v++;
		}
		return v;
	}
	return -1;
}

function resolveStops(snap: Snapshot, tour: Tour, lang: Language, now: LocalDateTime) {
	const album = pick(tour.name, lang);
	return tour.stops.flatMap((stop, index) => {
		const venue = snap.venue(stop.venueId);
		// A stop whose venue is unpublished cannot be named or placed: leave it out.
		if (stop.venueId && !venue) return [];
		const place = venue ?? stop.point;
		if (!place) return [];
		const name = pick(place.name, lang);
		return [
			{
				index,
				name,
				venue: venue
					? {
							slug: venue.slug,
							name,
							kind: venue.kind,
							photos: venue.photos.map((p) => ({ src: p.src, widths: p.widths }))
						}
					: undefined,
				position: place.position,
				stayMinutes: stop.stayMinutes,
				note: stop.note ? pick(stop.note, lang) : undefined,
				state: venue ? openState(snap, venue, now, lang) : undefined,
				radiusM: stop.radiusM ?? defaultRadiusM,
				// A stop without its own recording narrates its venue's.
				narration: narrationView(
					{
						key: `tours:${tour.id}:${index}`,
						title: name,
						album,
						recordings: stop.narration?.length ? stop.narration : venue?.narration,
						text: stopText(stop.note, venue?.description ?? stop.point?.name),
						image: venue?.photos[0] ?? tour.image
					},
					lang
				)
			}
		];
	});
}

/** One tour: its stops resolved to names and positions in order, with the legs between them. */
export function tourView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	const slug = params.slug;
	if (!slug) throw new ViewParameterError('slug', 'a tour slug is required');
	const tour = snap.tourBySlug(slug);
	if (!tour) throw new ViewNotFoundError(`No tour ${slug}`);
	const resolved = resolveStops(snap, tour, lang, now);
	const legs = legDistances(
		resolved.map((s) => s.position),
		tour.path
	);
	const stops: TourStopView[] = resolved.map((s, i) => ({ ...s, number: i + 1, legM: legs[i] }));
	return {
		now,
		tour: {
			id: tour.id,
			slug: tour.slug,
			name: pick(tour.name, lang),
			theme: pick(tour.theme, lang),
			summary: pick(tour.summary, lang),
			description: pick(tour.description, lang),
			modes: tour.modes,
			distanceM: tour.distanceM,
			durationMinutes: tour.durationMinutes,
			stayMinutes: stops.reduce((sum, s) => sum + s.stayMinutes, 0),
			featured: tour.featured,
			sample: tour.sample,
			path: tour.path.coordinates
		},
		stops,
		settings: snap.settings.map
	};
}

export type TourView = ReturnType<typeof tourView>;
