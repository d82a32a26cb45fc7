import type { FestivalFormValues } from '$lib/admin/forms/festival';
import type { RecordKind } from '$lib/admin/record-kind';
import * as m from '$lib/paraglide/messages';
import FestivalForm from './FestivalForm.svelte';

/** The console's festival pages (see $lib/admin/record-kind.ts). */
export const festivalRecord: RecordKind<FestivalFormValues, object, Record<string, never>> = {
	type: 'festivals',
	title: m.admin_festivals_title,
	newTitle: m.admin_festivals_new,
	Form: FestivalForm,
	extra: () => ({}),
	multipleImages: false
};
