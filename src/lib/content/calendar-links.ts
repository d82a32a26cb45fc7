import type { Language } from './localized';
import type { AlarmChoice } from './reminder-choices';

/**
 * The server's calendar addresses (src/routes/api/v1/*.ics), built in one place: the festival
 * page's subscription, and the address offered where an in-app browser blocks the file the phone
 * would write for an event or a plan.
 */
export type CalendarSubject =
	{ festival: string } | { event: string } | { plan: string /* a plan's share code */ };

/** `alarm`: a reminder that many minutes before each start (each event, each planned stop). */
export function calendarPath(
	subject: CalendarSubject,
	lang: Language,
	alarm?: AlarmChoice | 'off'
): string {
	const [name, value] = Object.entries(subject)[0] as [string, string];
	const file = name === 'plan' ? 'plan.ics' : 'events.ics';
	const reminder = alarm !== undefined ? `&alarm=${alarm}` : '';
	const query = `${name}=${encodeURIComponent(value)}${lang === 'en' ? '&lang=en' : ''}${reminder}`;
	return `/api/v1/${file}?${query}`;
}
