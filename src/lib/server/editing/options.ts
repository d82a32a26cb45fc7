import type { PickerOptions } from '$lib/admin/types';
import type { Store } from '../store';

export type { PickerOptions };

/** Choices for the pickers in the forms: every live venue and festival, drafts included. */
export async function pickerOptions(store: Store): Promise<PickerOptions> {
	const [venues, festivals] = await Promise.all([
		store.venues.listAll(),
		store.festivals.listAll()
	]);
	return {
		venues: venues
			.map((v) => ({
				id: v.id,
				name: v.name,
				kind: v.kind,
				status: v.status,
				position: v.position
			}))
			.sort((a, b) => a.name.zh.localeCompare(b.name.zh, 'zh')),
		festivals: festivals
			.map((f) => ({
				id: f.id,
				name: f.name,
				startDate: f.startDate,
				endDate: f.endDate,
				status: f.status
			}))
			.sort((a, b) => b.startDate.localeCompare(a.startDate))
	};
}
