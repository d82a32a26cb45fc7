import type { Event, Festival, Notice, Tour, Venue } from '$lib/content/schemas';
import { eventInputOf, eventValues, eventValuesFrom } from '$lib/admin/forms/event';
import { festivalInputOf, festivalValues, festivalValuesFrom } from '$lib/admin/forms/festival';
import { noticeInputOf, noticeValues, noticeValuesFrom } from '$lib/admin/forms/notice';
import { tourInputOf, tourValues, tourValuesFrom } from '$lib/admin/forms/tour';
import { venueInputOf, venueValues, venueValuesFrom } from '$lib/admin/forms/venue';
import { recordPages } from './record-page';

/** The edit and create pages of each content type (see record-page.ts). */
export const eventPages = recordPages<Event, ReturnType<typeof eventValues>>({
	type: 'events',
	valuesOf: eventValues,
	valuesFrom: eventValuesFrom,
	inputOf: eventInputOf,
	titleOf: (e) => e.title
});

export const venuePages = recordPages<Venue, ReturnType<typeof venueValues>>({
	type: 'venues',
	valuesOf: venueValues,
	valuesFrom: venueValuesFrom,
	inputOf: venueInputOf,
	titleOf: (v) => v.name
});

export const festivalPages = recordPages<Festival, ReturnType<typeof festivalValues>>({
	type: 'festivals',
	valuesOf: festivalValues,
	valuesFrom: festivalValuesFrom,
	inputOf: festivalInputOf,
	titleOf: (f) => f.name
});

export const tourPages = recordPages<Tour, ReturnType<typeof tourValues>>({
	type: 'tours',
	valuesOf: tourValues,
	valuesFrom: tourValuesFrom,
	inputOf: tourInputOf,
	titleOf: (t) => t.name
});

export const noticePages = recordPages<Notice, ReturnType<typeof noticeValues>>({
	type: 'notices',
	valuesOf: noticeValues,
	valuesFrom: noticeValuesFrom,
	inputOf: noticeInputOf,
	titleOf: (n) => n.message
});
