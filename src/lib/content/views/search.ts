import type { Language, Localized } from '../localized';
import { occurrences } from '../recurrence';
import { searchKeyOf } from '../schemas/feed';
import {
	matchName,
	matchTags,
	matchText,
	nameIndex,
	parseQuery,
	scores,
	type Query
} from '../search/match';
import { compact, hasHan } from '../search/text';
import type { Snapshot } from '../snapshot';
import { addDays } from '../time';
import {
	eventCard,
	festivalCard,
	tourCard,
	venueCard,
	type EventCard,
	type FestivalCard,
	type TourCard,
	type VenueCard
} from './cards';
import type { ViewContext, ViewParams } from './context';

/** Longer queries are cut, not refused: a visitor typing never sees an error. */
export const maxQueryLength = 100;

export type SearchGroup =
	| { type: 'venues'; count: number; items: VenueCard[] }
	| { type: 'events'; count: number; items: EventCard[] }
	| { type: 'tours'; count: number; items: TourCard[] }
	| { type: 'festivals'; count: number; items: FestivalCard[] };

type SearchType = SearchGroup['type'];
const typeOrder: SearchType[] = ['venues', 'events', 'tours', 'festivals'];

interface Hit<T> {
	score: number;
	/** The score the group is ranked by, when `score` is lowered to sort the hit last. */
	best?: number;
	/** Tie-break among equal scores: shorter names (closer matches) or sooner events first. */
	order: string;
	item: T;
}

/** How well a record matches by its name (with the server's pinyin key) or its summary. */
function rank(
	snap: Snapshot,
	query: Query,
	record: { key: string; name: Localized; summary: Localized; tags?: string[] }
): number {
	const { name, summary } = record;
	const byName = matchName(
		nameIndex([name.zh, name.en], snap.searchKeys?.[record.key]),
		query.text
	);
	if (byName) return byName;
	if (matchTags(record.tags ?? [], query.text)) return scores.tag;
	return matchText([summary.zh, summary.en], query.text) ? scores.summary : 0;
}

/**
 * Among equal scores the shorter name is the closer match, measured in the query's script:
 * "museum" puts "Jining Museum" before "Jining Art Museum", "tbh" puts 太白湖景区 first.
 */
function closeness(query: Query, name: Localized, shown: string): string {
	const measured = hasHan(query.text) || !name.en ? name.zh : name.en;
	return compact(measured).length.toString().padStart(4, '0') + shown;
}

function sorted<T>(hits: Hit<T>[], lang: Language): T[] {
	const collator = new Intl.Collator(lang === 'en' ? 'en' : 'zh-CN');
	return hits
		.sort((a, b) => b.score - a.score || collator.compare(a.order, b.order))
		.map((h) => h.item);
}

/**
 * Search over venues, events, tours and festivals, in Chinese, English, full pinyin and pinyin
 * initials (from `snap.searchKeys`), grouped by type. Events are listed at their next occurrence;
 * an event with none left is not a result.
 */
export function searchView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	const q = (params.q ?? '').slice(0, maxQueryLength).trim();
	const query = parseQuery(q);
	if (!query) return { q, now, total: 0, groups: [] as SearchGroup[] };

	const counts = (score: number) => score >= query.minimum;

	const venueScore = new Map(
		snap.venues.map((v) => [v.id, rank(snap, query, { key: searchKeyOf('venues', v.id), ...v })])
	);
	const venues: Hit<VenueCard>[] = snap.venues.flatMap((v) => {
		const score = venueScore.get(v.id) ?? 0;
		if (!counts(score)) return [];
		const item = venueCard(snap, v, now, lang);
		return [{ score, order: closeness(query, v.name, item.name), item }];
	});

	const horizon = `${addDays(now.slice(0, 10), 366)}T00:00`;
	const events: Hit<EventCard>[] = snap.events.flatMap((event) => {
		if (event.status === 'draft') return [];
		const own = rank(snap, query, {
			key: searchKeyOf('events', event.id),
			name: event.title,
			...event
		});
		// An event at a matching venue ("museum" finds the museum's exhibitions), below name matches.
		const atVenue = (venueScore.get(event.venueId ?? '') ?? 0) >= scores.inside ? scores.venue : 0;
		const score = Math.max(own, atVenue);
		if (!counts(score)) return [];
		const next = occurrences(event, now, horizon)[0];
		if (!next) return [];
		// A cancelled event is still found (visitors look for what changed), after all the others.
		const rankScore = event.status === 'cancelled' ? score - 1000 : score;
		return [
			{
				score: rankScore,
				best: score,
				order: next.start,
				item: eventCard(snap, { event, ...next }, lang)
			}
		];
	});

	const tours: Hit<TourCard>[] = snap.tours.flatMap((t) => {
		const score = rank(snap, query, { key: searchKeyOf('tours', t.id), ...t });
		if (!counts(score)) return [];
		const item = tourCard(t, lang);
		return [{ score, order: closeness(query, t.name, item.name), item }];
	});

	const today = now.slice(0, 10);
	const festivals: Hit<FestivalCard>[] = snap.festivals.flatMap((f) => {
		const score = rank(snap, query, { key: searchKeyOf('festivals', f.id), ...f });
		if (!counts(score)) return [];
		const item = festivalCard(f, today, lang);
		// A festival that is on now comes before one of the same score that is not.
		return [
			{ score, order: (item.running ? '0' : '1') + closeness(query, f.name, item.name), item }
		];
	});

	const best = (hits: Hit<unknown>[]) => Math.max(0, ...hits.map((h) => h.best ?? h.score));
	const found = {
		venues: { best: best(venues), items: sorted(venues, lang) },
		events: { best: best(events), items: sorted(events, lang) },
		tours: { best: best(tours), items: sorted(tours, lang) },
		festivals: { best: best(festivals), items: sorted(festivals, lang) }
	};
	// A festival, venue or tour named by the query is what the visitor is looking for: it comes
	// before events that merely mention it ("灯会" finds the lantern fair before its "灯会…" events).
	// Otherwise the group with the best match comes first; equal groups keep a fixed order.
	const named = (type: SearchType) => type !== 'events' && found[type].best >= scores.inside;
	const groups = typeOrder
		.filter((type) => found[type].items.length)
		.sort(
			(a, b) =>
				Number(named(b)) - Number(named(a)) ||
				found[b].best - found[a].best ||
				typeOrder.indexOf(a) - typeOrder.indexOf(b)
		)
		.map((type) => {
			const { items } = found[type];
			return { type, count: items.length, items } as SearchGroup;
		});
	return { q, now, total: groups.reduce((sum, g) => sum + g.count, 0), groups };
}

export type SearchView = ReturnType<typeof searchView>;
