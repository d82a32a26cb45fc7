import { getStore } from '$lib/server/app';
import { occurrences } from '$lib/content/recurrence';
import { addDays, shanghaiToday } from '$lib/content/time';
import type { PageServerLoad } from './$types';

export const load = (async () => {
	const store = getStore();
	const today = shanghaiToday();
	const horizon = addDays(today, 2);
	const [events, festivals, venues] = await Promise.all([
		store.events.listPublic(),
		store.festivals.listPublic(),
		store.venues.listPublic()
	]);
	const venueNames = new Map(venues.map((v) => [v.id, v.name]));
	const upcoming = events
		.flatMap((e) =>
			occurrences(e, `${today}T00:00`, `${horizon}T00:00`).map((o) => ({
				slug: e.slug,
				title: e.title,
				status: e.status,
				start: o.start,
				venue: e.venueId ? venueNames.get(e.venueId) : undefined
			}))
		)
		.sort((a, b) => a.start.localeCompare(b.start))
		.slice(0, 12);
	return {
		today,
		upcoming,
		festivals: festivals
			.filter((f) => f.endDate >= today)
			.map((f) => ({ name: f.name, startDate: f.startDate, endDate: f.endDate }))
	};
}) satisfies PageServerLoad;
