import { eventsCalendar } from '$lib/content/ics';
import { languages, type Language } from '$lib/content/localized';
import { revisionClock } from '../content/revision-clock';
import { badParameter, unknownParameter } from '../http/errors';
import { alarmOf } from './alarm-parameter';
import { encodeBody, lruPerOwner } from '../http/encoded';
import { respond, type Representation } from '../http/cached-representation';
import * as m from '$lib/paraglide/messages';
import type { Store } from '../store';

const cacheFor = lruPerOwner<Representation>(32);

/**
 * GET /api/v1/events.ics[?festival=slug | ?event=slug][&lang=en][&alarm=off|10|30|60]: public
 * events as a subscribable calendar: all of them, a festival's, or one event's (the https address a
 * visitor subscribes to where an in-app browser will not download a file), each with a reminder
 * when asked.
 */
export async function icsResponse(
	store: Store,
	request: Request,
	url: URL,
	options: { maxAge: number; origin: string }
) {
	const unknown = unknownParameter(url, ['festival', 'event', 'lang', 'alarm']);
	if (unknown) return unknown;
	for (const name of ['festival', 'event', 'lang']) {
		if (url.searchParams.getAll(name).length > 1)
			return badParameter(name, 'is given more than once');
	}
	const lang = (url.searchParams.get('lang') ?? 'zh') as Language;
	if (!languages.includes(lang)) return badParameter('lang', 'must be zh or en');
	const alarm = alarmOf(url, lang);
	if (alarm instanceof Response) return alarm;
	const festivalSlug = url.searchParams.get('festival');
	const eventSlug = url.searchParams.get('event');
	if (festivalSlug !== null && eventSlug !== null)
		return badParameter('event', 'cannot be combined with festival');

	const { revision } = await revisionClock(store.db).read();
	const key = `${revision}:${festivalSlug ?? ''}:${eventSlug ?? ''}:${lang}:${alarm}`;
	const cache = cacheFor(store.db);
	let rep = cache.get(key);
	if (!rep) {
		let events = await store.events.listPublic();
		let name = lang === 'en' ? 'Taibai Lake events' : '太白湖活动';
		if (festivalSlug !== null) {
			const festival = await store.festivals.getPublicBySlug(festivalSlug);
			if (!festival) return badParameter('festival', `no published festival "${festivalSlug}"`);
			events = events.filter((e) => e.festivalId === festival.id);
			name = lang === 'en' ? (festival.name.en ?? festival.name.zh) : festival.name.zh;
		}
		if (eventSlug !== null) {
			events = events.filter((e) => e.slug === eventSlug);
			if (!events.length) return badParameter('event', `no published event "${eventSlug}"`);
			name = lang === 'en' ? (events[0].title.en ?? events[0].title.zh) : events[0].title.zh;
		}
		const venues = new Map((await store.venues.listPublic()).map((v) => [v.id, v]));
		const text = eventsCalendar(events, {
			name,
			lang,
			venues,
			origin: options.origin,
			alarmMinutes: alarm,
			alarmText: (title, minutes) => m.events_ics_alarm_text({ title, minutes }, { locale: lang }),
			allDayAlarmText: (title) => m.events_ics_alarm_today({ title }, { locale: lang })
		});
		rep = {
			etag: `"r${revision}"`,
			body: encodeBody(text),
			contentType: 'text/calendar; charset=utf-8',
			cacheControl: `public, max-age=${options.maxAge}, stale-while-revalidate=${options.maxAge * 10}`
		};
		cache.set(key, rep);
	}
	return respond(request, rep);
}
