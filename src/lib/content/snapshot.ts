import { holidayCalendar, type HolidayCalendar, type HolidayYear } from './holidays';
import type { MapSettings } from './map-settings';
import type { SiteSettings } from './site-settings';
import { occurrences } from './recurrence';
import type { Event, Festival, Notice, Tour, Venue } from './schemas';
import type { LocalDateTime } from './time';

/** All public content at one revision: what the server renders from and what a phone mirrors. */
export interface ContentData {
	revision: number;
	venues: Venue[];
	events: Event[];
	festivals: Festival[];
	tours: Tour[];
	/** Published bureau notices, ended ones included (views filter by their `now`). */
	notices?: Notice[];
	holidays: HolidayYear[];
	settings: { map: MapSettings; site?: SiteSettings };
	/**
	 * Search keys by `${type}:${id}` (Chinese and English name, pinyin, initials), computed on the
	 * server where the pinyin dictionary lives; without them search matches names and summaries.
	 */
	searchKeys?: Record<string, string>;
}

export interface OccurrenceOf {
	event: Event;
	start: LocalDateTime;
	end: LocalDateTime;
}

/** Content with the look-ups every view needs, built once per revision. */
export interface Snapshot extends ContentData {
	venue(id: string | undefined): Venue | undefined;
	festival(id: string | undefined): Festival | undefined;
	venueBySlug(slug: string): Venue | undefined;
	eventBySlug(slug: string): Event | undefined;
	festivalBySlug(slug: string): Festival | undefined;
	tourBySlug(slug: string): Tour | undefined;
	calendar: HolidayCalendar;
	/** Every occurrence of every public event overlapping [from, to), in time order. */
	occurrencesBetween(from: LocalDateTime, to: LocalDateTime): OccurrenceOf[];
}

function byKey<T>(items: T[], key: (item: T) => string): Map<string, T> {
	return new Map(items.map((item) => [key(item), item]));
}

export function snapshotOf(data: ContentData): Snapshot {
	const venues = byKey(data.venues, (v) => v.id);
	const festivals = byKey(data.festivals, (f) => f.id);
	const venueSlugs = byKey(data.venues, (v) => v.slug);
	const eventSlugs = byKey(data.events, (e) => e.slug);
	const festivalSlugs = byKey(data.festivals, (f) => f.slug);
	const tourSlugs = byKey(data.tours, (t) => t.slug);
	return {
		...data,
		venue: (id) => (id ? venues.get(id) : undefined),
		festival: (id) => (id ? festivals.get(id) : undefined),
		venueBySlug: (slug) => venueSlugs.get(slug),
		eventBySlug: (slug) => eventSlugs.get(slug),
		festivalBySlug: (slug) => festivalSlugs.get(slug),
		tourBySlug: (slug) => tourSlugs.get(slug),
		calendar: holidayCalendar(data.holidays),
		occurrencesBetween(from, to) {
			return data.events
				.flatMap((event) => occurrences(event, from, to).map((o) => ({ event, ...o })))
				.sort((a, b) => a.start.localeCompare(b.start) || a.event.slug.localeCompare(b.event.slug));
		}
	};
}
