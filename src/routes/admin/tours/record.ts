import type { TourFormValues } from '$lib/admin/forms/tour';
import type { RecordKind } from '$lib/admin/record-kind';
import type { PickerOptions } from '$lib/admin/types';
import type { MapSettings } from '$lib/content/map-settings';
import * as m from '$lib/paraglide/messages';
import TourForm from './TourForm.svelte';

type Extra = { options: PickerOptions; mapSettings: MapSettings };

/** The console's tour pages (see $lib/admin/record-kind.ts). */
export const tourRecord: RecordKind<TourFormValues, Extra, Extra> = {
	type: 'tours',
	title: m.admin_tours_title,
	newTitle: m.admin_tours_new,
	Form: TourForm,
	extra: ({ options, mapSettings }) => ({ options, mapSettings }),
	multipleImages: false
};
