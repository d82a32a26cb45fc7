import { pick, type Language } from '../localized';
import type { Venue, VenueKind } from '../schemas';
import type { Snapshot } from '../snapshot';
import type { LocalDateTime } from '../time';
import { openState, type OpenState } from './cards';
import type { ViewContext, ViewParams } from './context';

/** A practical point as the info page lists it. */
export interface PracticalPoint {
	slug: string;
	name: string;
	kind: VenueKind;
	address: string;
	summary: string;
	hoursNote?: string;
	phone?: string;
	price?: string;
	free?: boolean;
	/** Listed with a wheelchair facility. */
	stepFree: boolean;
	state: OpenState;
}

function point(snap: Snapshot, venue: Venue, now: LocalDateTime, lang: Language): PracticalPoint {
	return {
		slug: venue.slug,
		name: pick(venue.name, lang),
		kind: venue.kind,
		address: pick(venue.address, lang),
		summary: pick(venue.summary, lang),
		hoursNote: venue.hoursNote ? pick(venue.hoursNote, lang) : undefined,
		phone: venue.phone,
		price: venue.price && !venue.price.free ? pick(venue.price.text, lang) : undefined,
		free: venue.price?.free,
		stepFree: venue.facilities.includes('wheelchair'),
		state: openState(snap, venue, now, lang)
	};
}

/**
 * Practical information: the visitor centre, parking, toilets, first aid and accessibility, all
 * from the venues so that an editor's change to a car park shows here too. Emergency numbers and
 * install help are fixed texts of the page.
 */
export function infoView(snap: Snapshot, _params: ViewParams, { lang, now }: ViewContext) {
	const byName = (a: PracticalPoint, b: PracticalPoint) =>
		a.name.localeCompare(b.name, lang === 'en' ? 'en' : 'zh-CN');
	const ofKind = (kind: VenueKind) =>
		snap.venues
			.filter((v) => v.kind === kind)
			.map((v) => point(snap, v, now, lang))
			.sort(byName);
	const accessibility = snap.venues
		.filter((v) => v.accessibility)
		.map((v) => ({
			slug: v.slug,
			name: pick(v.name, lang),
			kind: v.kind,
			note: pick(v.accessibility, lang)
		}))
		.sort((a, b) => a.name.localeCompare(b.name, lang === 'en' ? 'en' : 'zh-CN'));
	const toilets = ofKind('toilet');
	return {
		now,
		visitorCentres: ofKind('visitor_centre'),
		parking: ofKind('parking'),
		toilets,
		firstAid: ofKind('first_aid'),
		accessibility,
		/** Practical points with a wheelchair facility, e.g. accessible toilets. */
		stepFreeToilets: toilets.filter((t) => t.stepFree).length,
		/** Whether any content shown is seeded sample data still to be verified. */
		sample: snap.venues.some((v) => v.sample)
	};
}

export type InfoView = ReturnType<typeof infoView>;
