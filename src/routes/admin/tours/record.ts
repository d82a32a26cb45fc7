import type { TourFormValues } from '$lib/admin/forms/tour';
import type { NarrationPanel, RecordKind } from '$lib/admin/record-kind';
import type { PickerOptions } from '$lib/admin/types';
import { pick, type Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import type { Recording } from '$lib/content/schemas';
import * as m from '$lib/paraglide/messages';
import TourForm from './TourForm.svelte';

type Extra = { options: PickerOptions; mapSettings: MapSettings };
/** The edit page's data also lists each stop's recordings (a new tour has none). */
type Data = Extra & { values: TourFormValues; stopNarration?: Recording[][] };

/** "3 · 太白楼": a stop as the tour form numbers and names it. */
function stopLabel(data: Data, i: number, lang: Language): string {
	const stop = data.values.stops[i];
	const venue = data.options.venues.find((v) => v.id === stop?.venueId);
	const name = venue ? pick(venue.name, lang) : stop?.pointName.zh || '';
	return `${m.admin_tour_stop({ n: i + 1 })} · ${name}`;
}

/** The narration panel: each stop's recordings, and the stops to upload to. */
function narration(data: Data, lang: Language): NarrationPanel | undefined {
	if (!data.stopNarration) return undefined;
	const labels = data.stopNarration.map((_, i) => stopLabel(data, i, lang));
	return {
		items: data.stopNarration.map((recordings, i) => ({ stop: i, label: labels[i], recordings })),
		stops: labels.map((label, index) => ({ index, label }))
	};
}

/** The console's tour pages (see $lib/admin/record-kind.ts). */
export const tourRecord: RecordKind<TourFormValues, Data, Extra> = {
	type: 'tours',
	title: m.admin_tours_title,
	newTitle: m.admin_tours_new,
	Form: TourForm,
	extra: ({ options, mapSettings }) => ({ options, mapSettings }),
	multipleImages: false,
	narration
};
