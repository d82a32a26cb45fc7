import { localized, localizedShort, position } from './primitives';
import { z } from '$lib/content/zod';
import { httpUrl, image, maxPhotos, price, publishStatus, recordBase, tags } from './common';
import { narration } from './narration';

export const venueKinds = [
	'scenic_area',
	'museum',
	'library',
	'gallery',
	'theatre',
	'park',
	'shopping_street',
	'restaurant_area',
	'visitor_centre',
	'parking',
	'toilet',
	'first_aid'
] as const;
export const venueKind = z.enum(venueKinds);
export type VenueKind = z.infer<typeof venueKind>;

export { practicalKinds } from '../practical-kinds';

export const facilities = [
	'toilet',
	'parking',
	'wheelchair',
	'baby_care',
	'lockers',
	'wifi',
	'cafe',
	'restaurant',
	'shop',
	'audio_guide',
	'guided_tours',
	'charging',
	'bike_rental',
	'boat_pier'
] as const;

export const venue = z.object({
	...recordBase,
	status: publishStatus,
	kind: venueKind,
	name: localizedShort,
	summary: localized,
	description: localized,
	position,
	/** The position was estimated for the sample data and must be checked on site. */
	positionApproximate: z._default(z.boolean(), false),
	address: localizedShort,
	/**
	 * OpenStreetMap opening_hours syntax; absent means "always accessible or unknown". The syntax
	 * is checked where records are written (venueInput, venue-input.ts); a stored or synced record
	 * only needs to be a bounded string, so the phone's sync never loads the opening_hours parser.
	 */
	openingHours: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(500))),
	hoursNote: z.optional(localized),
	price: z.optional(price),
	phone: z.optional(
		z.string().check(z.trim(), z.regex(/^[0-9+\-\s()]{3,30}$/, 'must be a phone number'))
	),
	website: z.optional(httpUrl),
	facilities: z._default(z.array(z.enum(facilities)), []),
	accessibility: z.optional(localized),
	visitMinutes: z.optional(z.number().check(z.int(), z.gte(5), z.lte(720))),
	photos: z._default(z.array(image).check(z.maxLength(maxPhotos)), []),
	narration,
	tags
});
export type Venue = z.infer<typeof venue>;
