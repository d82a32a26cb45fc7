import type { VenueKind } from './schemas/venue';

// Apart from the venue schema so that a page that only sorts venues by kind does not carry zod.

/** Practical points: shown on the map and the info page, not in the list of places to visit. */
export const practicalKinds: readonly VenueKind[] = [
	'visitor_centre',
	'parking',
	'toilet',
	'first_aid'
];
