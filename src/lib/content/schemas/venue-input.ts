import { z } from '$lib/content/zod';
import { openingHoursRule } from '../opening-hours-rule';
import { serverAssigned } from './common';
import { venue } from './venue';

/**
 * What an editor (or the seed, or an import) submits for a venue: the record without the fields the
 * server assigns, with its opening hours checked against the opening_hours parser.
 */
export const venueInput = z.extend(z.omit(venue, serverAssigned), {
	openingHours: z.optional(openingHoursRule)
});
export type VenueInput = z.input<typeof venueInput>;
