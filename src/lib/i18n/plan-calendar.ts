import { formatDay } from '$lib/content/format';
import type { Language } from '$lib/content/localized';
import type { PlanIcsOptions } from '$lib/planner/ics';
import * as m from '$lib/paraglide/messages';

/**
 * The words of a plan's calendar in one language: the same whether the phone writes the file
 * (download) or the server does (the subscription address offered where downloads are blocked).
 * `alarmMinutes`: the reminder before each stop, by the stop's item key (none when absent).
 */
export function planCalendarTexts(
	date: string,
	lang: Language,
	alarmMinutes?: PlanIcsOptions['alarmMinutes']
): PlanIcsOptions {
	const locale = { locale: lang };
	return {
		alarmMinutes,
		alarmText: (title, minutes) => m.events_ics_alarm_text({ title, minutes }, locale),
		lang,
		name: m.plan_ics_name({ day: formatDay(date, lang) }, locale),
		note: m.plan_ics_note({}, locale),
		visitTitle: (name) => m.plan_visit_title({ name }, locale),
		mealTitle: m.plan_meal({}, locale)
	};
}
