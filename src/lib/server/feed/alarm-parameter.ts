import { alarmChoices } from '$lib/content/reminder-choices';
import type { Language } from '$lib/content/localized';
import * as m from '$lib/paraglide/messages';
import { badParameter } from '../http/errors';

/**
 * `?alarm=off|10|30|60`: a reminder that many minutes before each start, the same lead times the
 * app offers; absent is off. Only these values, checked before any work, so a subscribed calendar
 * never gets a surprise and a cache keeps one entry per choice. Shared by the events and plan
 * calendars.
 */
export function alarmOf(url: URL, lang: Language): number | Response {
	const values = url.searchParams.getAll('alarm');
	if (values.length === 0) return 0;
	const [value] = values;
	if (values.length === 1 && value === 'off') return 0;
	const minutes = alarmChoices.find((choice) => String(choice) === value);
	if (values.length > 1 || minutes === undefined) {
		return badParameter('alarm', m.events_ics_alarm_invalid({ value }, { locale: lang }));
	}
	return minutes;
}
