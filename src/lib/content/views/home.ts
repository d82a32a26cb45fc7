import { openAtSomePoint } from '../open-during';
import { practicalKinds } from '../schemas';
import type { Snapshot } from '../snapshot';
import { addDays, addMinutes } from '../time';
import { eventCard, festivalCard, tourCard, venueCard } from './cards';
import type { ViewContext, ViewParams } from './context';

/** Home: what is on now and next, the current or next festival, featured tours, places open now. */
export function homeView(snap: Snapshot, _params: ViewParams, { lang, now }: ViewContext) {
	const today = now.slice(0, 10);
	const soon = snap
		.occurrencesBetween(now, `${addDays(today, 2)}T00:00`)
		.filter((o) => o.event.status !== 'draft');
	// On now: what runs at this moment, all-day and multi-day items included (a market, an
	// exhibition), as long as their venue is open now. Timed events first: they end soonest.
	const happeningNow = soon
		.filter((o) => o.start <= now && now < o.end)
		.filter((o) => {
			const venue = snap.venue(o.event.venueId);
			return openAtSomePoint(venue?.openingHours, now, addMinutes(now, 1), snap.calendar);
		})
		.sort((a, b) => Number(isLong(a)) - Number(isLong(b)));
	const startingSoon = soon.filter((o) => o.start > now).slice(0, 6);
	const festival = snap.festivals
		.filter((f) => f.endDate >= today)
		.sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
	const openNow = snap.venues
		.filter((v) => !practicalKinds.includes(v.kind) && v.openingHours)
		.map((v) => venueCard(snap, v, now, lang))
		.filter((v) => v.state.open)
		.slice(0, 6);
	return {
		now,
		happeningNow: happeningNow.slice(0, 6).map((o) => eventCard(snap, o, lang)),
		startingSoon: startingSoon.map((o) => eventCard(snap, o, lang)),
		/** The first event later than the soon window, so "next" is never empty while a programme runs. */
		later: startingSoon.length
			? undefined
			: snap
					.occurrencesBetween(addMinutes(now, 1), `${addDays(today, 30)}T00:00`)
					.slice(0, 1)
					.map((o) => eventCard(snap, o, lang))[0],
		festival: festival ? festivalCard(festival, today, lang) : undefined,
		tours: snap.tours
			.filter((t) => t.featured)
			.slice(0, 3)
			.map((t) => tourCard(t, lang)),
		openNow
	};
}

/** All day, or over more than one day. */
function isLong(o: { event: { allDay: boolean }; start: string; end: string }): boolean {
	return o.event.allDay || o.start.slice(0, 10) !== o.end.slice(0, 10);
}

export type HomeView = ReturnType<typeof homeView>;
