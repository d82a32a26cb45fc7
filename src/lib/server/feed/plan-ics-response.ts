import { languages, type Language } from '$lib/content/localized';
import { planCalendarTexts } from '$lib/i18n/plan-calendar';
import { dayPlan } from '$lib/planner/day';
import { planCalendar } from '$lib/planner/ics';
import { decodePlan, ShareLinkError } from '$lib/planner/share';
import { serverSnapshot } from '../content/snapshot';
import { alarmOf } from './alarm-parameter';
import { badParameter, unknownParameter } from '../http/errors';
import type { Store } from '../store';

/** A share code is a few hundred characters for a full day; anything far longer is not one. */
const maxCodeLength = 4096;

/**
 * GET /api/v1/plan.ics?plan=<share code>[&lang=en][&alarm=off|10|30|60]: a visitor's day as a calendar, written by the
 * server from the plan's share code. Where an in-app browser blocks the file the phone would
 * write, this address can be copied (or scanned) into a calendar app, and it follows the
 * bureau's changes to the planned events, each stop with the reminder the visitor chose. The code
 * is checked whole before the day is built.
 */
export async function planIcsResponse(store: Store, url: URL): Promise<Response> {
	const unknown = unknownParameter(url, ['plan', 'lang', 'alarm']);
	if (unknown) return unknown;
	const lang = (url.searchParams.get('lang') ?? 'zh') as Language;
	if (!languages.includes(lang)) return badParameter('lang', 'must be zh or en');
	const alarm = alarmOf(url, lang);
	if (alarm instanceof Response) return alarm;
	const code = url.searchParams.get('plan');
	if (!code) return badParameter('plan', 'is required: the code of a shared plan');
	if (code.length > maxCodeLength)
		return badParameter('plan', `is longer than ${maxCodeLength} characters`);
	let plan;
	try {
		plan = decodePlan(code);
	} catch (error) {
		if (error instanceof ShareLinkError) return badParameter('plan', error.message);
		throw error;
	}
	const view = dayPlan(await serverSnapshot(store), plan);
	return new Response(
		planCalendar(
			view,
			planCalendarTexts(plan.date, lang, () => alarm)
		),
		{
			headers: {
				'content-type': 'text/calendar; charset=utf-8',
				// A plan's times follow the published content: a calendar re-reading it gets the news.
				'cache-control': 'public, max-age=300'
			}
		}
	);
}
