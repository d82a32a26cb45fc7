import type { VenueFormValues } from '$lib/admin/forms/venue';
import type { RecordKind } from '$lib/admin/record-kind';
import type { HolidayYear } from '$lib/content/holidays';
import type { MapSettings } from '$lib/content/map-settings';
import type { Recording } from '$lib/content/schemas';
import * as m from '$lib/paraglide/messages';
import VenueForm from './VenueForm.svelte';

type Extra = { holidays: HolidayYear[]; mapSettings: MapSettings };
/** The edit page's data also lists the venue's recordings (a new venue has none). */
type Data = Extra & { narration?: Recording[] };

/** The console's venue pages (see $lib/admin/record-kind.ts). */
export const venueRecord: RecordKind<VenueFormValues, Data, Extra> = {
	type: 'venues',
	title: m.admin_venues_title,
	newTitle: m.admin_venues_new,
	Form: VenueForm,
	extra: ({ holidays, mapSettings }) => ({ holidays, mapSettings }),
	multipleImages: true,
	narration: ({ narration }) => (narration ? { items: [{ recordings: narration }] } : undefined)
};
