import { formatDayTime } from '$lib/content/format';
import { pick, type Language } from '$lib/content/localized';
import type { SavedChange } from '$lib/offline';
import * as m from '$lib/paraglide/messages';

/** "An event you saved or planned has changed" / "3 events …" (plural rules in the messages). */
export const changeHeading = (count: number) => m.offline_saved_changed({ count });

/** What became of one event: "Now 5 Dec 19:30 at Jining Museum", "已取消". */
export function changeWhat(change: SavedChange, lang: Language): string {
	const time = change.start && formatDayTime(change.start, lang);
	const venue = change.venue && pick(change.venue.name, lang);
	switch (change.change) {
		case 'cancelled':
			return m.offline_change_cancelled();
		case 'postponed':
			return time ? m.offline_change_postponed_to({ time }) : m.offline_change_postponed();
		case 'moved':
			if (time && venue) return m.offline_change_moved_both({ time, venue });
			if (venue) return m.offline_change_moved_place({ venue });
			return time ? m.offline_change_moved_time({ time }) : m.offline_change_postponed();
		case 'date-cancelled':
			return m.offline_change_date_cancelled();
		case 'removed':
			return m.offline_change_removed();
	}
}

/** The editor's reason, as the visitor reads it: "Reason: strong wind" / "原因：大风". */
export function changeReason(change: SavedChange, lang: Language): string | undefined {
	return change.reason ? m.offline_change_reason({ reason: pick(change.reason, lang) }) : undefined;
}
