import { eventCategories, eventStatuses } from '$lib/content/schemas';
import { eventSorts, filterEvents, listQuery, paged } from '$lib/admin/lists';
import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const store = getStore();
	const query = listQuery(url, eventSorts);
	const [events, options] = await Promise.all([store.events.listAll(), pickerOptions(store)]);
	const venueNames = new Map(options.venues.map((v) => [v.id, v.name]));
	const festivalNames = new Map(options.festivals.map((f) => [f.id, f.name]));
	const page = paged(filterEvents(events, query), query.page);
	return {
		deleted: url.searchParams.get('deleted'),
		imported: Number(url.searchParams.get('imported')) || 0,
		query,
		statuses: eventStatuses,
		categories: eventCategories,
		sorts: eventSorts,
		festivals: options.festivals,
		...page,
		items: page.items.map((e) => ({
			id: e.id,
			slug: e.slug,
			title: e.title,
			status: e.status,
			category: e.category,
			start: e.start,
			end: e.end,
			allDay: e.allDay,
			recurring: !!e.rrule,
			cancelledDates: e.exdates.length,
			venue: venueNames.get(e.venueId ?? ''),
			festival: festivalNames.get(e.festivalId ?? ''),
			updatedAt: e.updatedAt,
			sample: e.sample
		}))
	};
}) satisfies PageServerLoad;
