import type { Localized } from '$lib/content/localized';
import { occurrences } from '$lib/content/recurrence';
import type { Event, Festival, Notice, Tour, Venue } from '$lib/content/schemas';
import { localDate } from '$lib/content/schemas/primitives';
import { addDays } from '$lib/content/time';

/** Query-string filters of a console list; unknown or malformed values are ignored, not errors. */
export interface ListQuery {
	q: string;
	status: string;
	/** Event category or venue kind. */
	kind: string;
	festival: string;
	from: string;
	to: string;
	sort: string;
	page: number;
}

export const pageSize = 50;

export function listQuery(url: URL, sorts: readonly string[]): ListQuery {
	const get = (name: string) => url.searchParams.get(name)?.trim() ?? '';
	const date = (name: string) => (localDate.safeParse(get(name)).success ? get(name) : '');
	const page = Number(get('page'));
	return {
		q: get('q'),
		status: get('status'),
		kind: get('kind'),
		festival: get('festival'),
		from: date('from'),
		to: date('to'),
		sort: sorts.includes(get('sort')) ? get('sort') : sorts[0],
		page: Number.isInteger(page) && page > 1 ? page : 1
	};
}

/** Case-insensitive match of every word of the query in any of the texts. */
export function matches(query: string, texts: (string | Localized | undefined)[]): boolean {
	if (!query) return true;
	const haystack = texts
		.flatMap((t) => (typeof t === 'string' ? [t] : t ? [t.zh, t.en ?? ''] : []))
		.join(' ')
		.toLowerCase();
	return query
		.toLowerCase()
		.split(/\s+/)
		.every((word) => haystack.includes(word));
}

/** Whether an event has an occurrence (cancelled dates excluded) within [from, to], dates inclusive. */
export function occursWithin(event: Event, from: string, to: string): boolean {
	if (!from && !to) return true;
	const start = from ? `${from}T00:00` : '1970-01-01T00:00';
	const end = to ? `${addDays(to, 1)}T00:00` : '9999-12-31T00:00';
	try {
		return occurrences(event, start, end).length > 0;
	} catch {
		return false;
	}
}

export const eventSorts = ['start', '-start', 'title', '-updated'] as const;

export function filterEvents(events: Event[], query: ListQuery): Event[] {
	const found = events.filter(
		(e) =>
			(!query.status || e.status === query.status) &&
			(!query.kind || e.category === query.kind) &&
			(!query.festival ||
				(query.festival === 'none' ? !e.festivalId : e.festivalId === query.festival)) &&
			occursWithin(e, query.from, query.to) &&
			matches(query.q, [e.title, e.summary, e.slug, e.id, ...e.tags])
	);
	const by: Record<string, (a: Event, b: Event) => number> = {
		start: (a, b) => a.start.localeCompare(b.start),
		'-start': (a, b) => b.start.localeCompare(a.start),
		title: (a, b) => a.title.zh.localeCompare(b.title.zh, 'zh'),
		'-updated': (a, b) => b.updatedAt.localeCompare(a.updatedAt)
	};
	return found.sort(by[query.sort] ?? by.start);
}

/** One page of a list, with what the pager needs. */
export function paged<T>(items: T[], page: number) {
	const pages = Math.max(1, Math.ceil(items.length / pageSize));
	const current = Math.min(page, pages);
	return {
		items: items.slice((current - 1) * pageSize, current * pageSize),
		total: items.length,
		page: current,
		pages
	};
}

const byUpdated = (a: { updatedAt: string }, b: { updatedAt: string }) =>
	b.updatedAt.localeCompare(a.updatedAt);
const byName = (a: { name: Localized }, b: { name: Localized }) =>
	a.name.zh.localeCompare(b.name.zh, 'zh');

export const venueSorts = ['name', '-updated'] as const;

export function filterVenues(venues: Venue[], query: ListQuery): Venue[] {
	return venues
		.filter(
			(v) =>
				(!query.status || v.status === query.status) &&
				(!query.kind || v.kind === query.kind) &&
				matches(query.q, [v.name, v.summary, v.address, v.slug, v.id, ...v.tags])
		)
		.sort(query.sort === '-updated' ? byUpdated : byName);
}

export const festivalSorts = ['-startDate', 'startDate', 'name', '-updated'] as const;

export function filterFestivals(festivals: Festival[], query: ListQuery): Festival[] {
	const sorts: Record<string, (a: Festival, b: Festival) => number> = {
		'-startDate': (a, b) => b.startDate.localeCompare(a.startDate),
		startDate: (a, b) => a.startDate.localeCompare(b.startDate),
		name: byName,
		'-updated': byUpdated
	};
	return festivals
		.filter(
			(f) =>
				(!query.status || f.status === query.status) &&
				// Overlaps the chosen date range.
				(!query.from || f.endDate >= query.from) &&
				(!query.to || f.startDate <= query.to) &&
				matches(query.q, [f.name, f.summary, f.slug, f.id])
		)
		.sort(sorts[query.sort] ?? sorts['-startDate']);
}

export const tourSorts = ['name', '-updated'] as const;

export function filterTours(tours: Tour[], query: ListQuery): Tour[] {
	return tours
		.filter(
			(t) =>
				(!query.status || t.status === query.status) &&
				(!query.kind || t.modes.includes(query.kind as Tour['modes'][number])) &&
				matches(query.q, [t.name, t.theme, t.summary, t.slug, t.id])
		)
		.sort(query.sort === '-updated' ? byUpdated : byName);
}

export const noticeSorts = ['-start', 'start', '-updated'] as const;

/** Notices: `kind` filters by severity; the date range keeps those showing at some time in it. */
export function filterNotices(notices: Notice[], query: ListQuery): Notice[] {
	const sorts: Record<string, (a: Notice, b: Notice) => number> = {
		'-start': (a, b) => b.start.localeCompare(a.start),
		start: (a, b) => a.start.localeCompare(b.start),
		'-updated': byUpdated
	};
	return notices
		.filter(
			(n) =>
				(!query.status || n.status === query.status) &&
				(!query.kind || n.severity === query.kind) &&
				(!query.from || n.end > `${query.from}T00:00`) &&
				(!query.to || n.start < `${addDays(query.to, 1)}T00:00`) &&
				matches(query.q, [n.message, n.slug, n.id])
		)
		.sort(sorts[query.sort] ?? sorts['-start']);
}
