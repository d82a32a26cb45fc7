import type { VenueFormValues } from '$lib/admin/forms/venue';
import type { RecordKind } from '$lib/admin/record-kind';
import type { HolidayYear } from '$lib/content/holidays';
import type { MapSettings } from '$lib/content/map-settings';
import * as m from '$lib/paraglide/messages';
import VenueForm from './VenueForm.svelte';

type Extra = { holidays: HolidayYear[]; mapSettings: MapSettings };

/** The console's venue pages (see $lib/admin/record-kind.ts). */
export const venueRecord: RecordKind<VenueFormValues, Extra, Extra> = {
	type: 'venues',
	title: m.admin_venues_title,
	newTitle: m.admin_venues_new,
	Form: VenueForm,
	extra: ({ holidays, mapSettings }) => ({ holidays, mapSettings }),
	multipleImages: true
};
