import type { Language } from '$lib/content/localized';
import type { IcsOptions } from '$lib/content/ics';
import * as m from '$lib/paraglide/messages';

/** The words of an event calendar's reminders in one language, as the server's feed writes them. */
export function eventAlarmTexts(lang: Language): Pick<IcsOptions, 'alarmText' | 'allDayAlarmText'> {
	const locale = { locale: lang };
	return {
		alarmText: (title, minutes) => m.events_ics_alarm_text({ title, minutes }, locale),
		allDayAlarmText: (title) => m.events_ics_alarm_today({ title }, locale)
	};
}
