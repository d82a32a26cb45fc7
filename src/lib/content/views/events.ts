import { pick } from '../localized';
import { eventCategories, type EventCategory } from '../schemas';
import type { OccurrenceOf, Snapshot } from '../snapshot';
import { addDays, type LocalDate } from '../time';
import { localDate } from '../schemas/primitives';
import { eventCard } from './cards';
import { ViewParameterError, type ViewContext, type ViewParams } from './context';

/** How many days the date strip offers, starting today. */
export const stripDays = 14;

export interface EventsFilters {
	category?: EventCategory;
	/** Festival slug. */
	festival?: string;
	free: boolean;
	/** Only what is on at `now`; implies today. */
	now: boolean;
}

function flag(params: ViewParams, name: string): boolean {
	const value = params[name];
	if (value === undefined || value === '' || value === '0') return false;
	if (value === '1') return true;
	throw new ViewParameterError(name, 'must be 1 or absent');
}

function filtersOf(snap: Snapshot, params: ViewParams): EventsFilters {
	const { category, festival } = params;
	if (category && !eventCategories.includes(category as EventCategory)) {
		throw new ViewParameterError('category', `must be one of ${eventCategories.join(', ')}`);
	}
	if (festival && !snap.festivalBySlug(festival)) {
		throw new ViewParameterError('festival', 'no festival has this slug');
	}
	return {
		category: (category || undefined) as EventCategory | undefined,
		festival: festival || undefined,
		free: flag(params, 'free'),
		now: flag(params, 'now')
	};
}

function dateOf(params: ViewParams, today: LocalDate): LocalDate {
	const { date } = params;
	if (date === undefined || date === '') return today;
	if (!localDate.safeParse(date).success) {
		throw new ViewParameterError('date', 'must be a date as YYYY-MM-DD');
	}
	return date;
}

const dayStart = (date: LocalDate) => `${date}T00:00`;

/**
 * Events by day: one day's occurrences (a multi-day event shows on each of its days), narrowed by
 * category, festival, free and "happening now", plus what the filter UI offers. Choices come from
 * the strip's fortnight so the chips do not jump around as the visitor changes day.
 */
export function eventsView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	const today = now.slice(0, 10);
	const filters = filtersOf(snap, params);
	const requested = dateOf(params, today);
	const date = filters.now ? today : requested;
	const festival = filters.festival ? snap.festivalBySlug(filters.festival) : undefined;

	const visible = (o: OccurrenceOf) => o.event.status !== 'draft';
	const fortnight = snap
		.occurrencesBetween(dayStart(today), dayStart(addDays(today, stripDays)))
		.filter(visible);
	const onDay = snap.occurrencesBetween(dayStart(date), dayStart(addDays(date, 1))).filter(visible);

	const matches = onDay.filter(
		(o) =>
			(!filters.category || o.event.category === filters.category) &&
			(!festival || o.event.festivalId === festival.id) &&
			(!filters.free || o.event.price.free) &&
			(!filters.now || (o.start <= now && now < o.end))
	);

	const days = Array.from({ length: stripDays }, (_, i) => {
		const day = addDays(today, i);
		const next = dayStart(addDays(day, 1));
		return {
			date: day,
			count: fortnight.filter((o) => o.start < next && o.end > dayStart(day)).length
		};
	});

	const present = new Set<EventCategory>([...fortnight, ...onDay].map((o) => o.event.category));
	if (filters.category) present.add(filters.category);

	return {
		now,
		today,
		date,
		days,
		filters,
		categories: eventCategories.filter((c) => present.has(c)),
		festivals: snap.festivals
			.filter((f) => f.endDate >= today || f.slug === filters.festival)
			.sort((a, b) => a.startDate.localeCompare(b.startDate))
			.map((f) => ({
				slug: f.slug,
				name: pick(f.name, lang),
				running: f.startDate <= today && today <= f.endDate
			})),
		/** Events on the day before filtering, so an empty result can say "try fewer filters". */
		dayTotal: onDay.length,
		events: matches.map((o) => eventCard(snap, o, lang))
	};
}

export type EventsView = ReturnType<typeof eventsView>;
