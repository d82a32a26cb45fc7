import type { EventFormValues } from '$lib/admin/forms/event';
import type { RecordKind } from '$lib/admin/record-kind';
import type { PickerOptions } from '$lib/admin/types';
import * as m from '$lib/paraglide/messages';
import EventForm from './EventForm.svelte';

type Extra = { options: PickerOptions };

/** The console's event pages (see $lib/admin/record-kind.ts). */
export const eventRecord: RecordKind<EventFormValues, Extra, Extra> = {
	type: 'events',
	title: m.admin_events_title,
	newTitle: m.admin_events_new,
	Form: EventForm,
	extra: ({ options }) => ({ options }),
	multipleImages: false
};
