import type { Language } from '$lib/content/localized';
import type { EventStatus } from '$lib/content/schemas';
import type { FestivalView } from '$lib/content/views/festival';
import { localizedPath } from '$lib/i18n/paths';

const statusUrl: Record<EventStatus, string> = {
	draft: 'https://schema.org/EventScheduled',
	published: 'https://schema.org/EventScheduled',
	cancelled: 'https://schema.org/EventCancelled',
	postponed: 'https://schema.org/EventRescheduled'
};

/** Shanghai wall-clock time as ISO 8601 with its fixed +08:00 offset. */
const iso = (t: string) => `${t}:00+08:00`;

/** schema.org Festival (an Event subtype, https://schema.org/Festival) with its events as subEvent. */
export function festivalJsonLd(
	view: FestivalView,
	{ origin, lang, district }: { origin: string; lang: Language; district: string }
): Record<string, unknown> {
	const { festival } = view;
	const place = {
		'@type': 'Place',
		name: district,
		address: {
			'@type': 'PostalAddress',
			addressLocality: lang === 'en' ? 'Jining' : '济宁市',
			addressRegion: lang === 'en' ? 'Shandong' : '山东省',
			addressCountry: 'CN'
		}
	};
	return {
		'@context': 'https://schema.org',
		'@type': 'Festival',
		name: festival.name,
		description: festival.summary,
		startDate: festival.startDate,
		endDate: festival.endDate,
		eventStatus: statusUrl.published,
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: place,
		url: origin + localizedPath(`/festivals/${festival.slug}`, lang),
		inLanguage: lang === 'en' ? 'en' : 'zh-CN',
		...(festival.hero ? { image: new URL(festival.hero.src, origin).href } : {}),
		subEvent: view.subEvents.map((event) => ({
			'@type': 'Event',
			name: event.name,
			url: origin + localizedPath(`/events/${event.slug}`, lang),
			startDate: iso(event.start),
			endDate: iso(event.end),
			eventStatus: statusUrl[event.status],
			location: place
		}))
	};
}
