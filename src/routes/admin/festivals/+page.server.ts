import { publishStatus } from '$lib/content/schemas';
import { festivalSorts, filterFestivals, listQuery, paged } from '$lib/admin/lists';
import { getStore } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const store = getStore();
	const query = listQuery(url, festivalSorts);
	const [festivals, events] = await Promise.all([
		store.festivals.listAll(),
		store.events.listAll()
	]);
	const page = paged(filterFestivals(festivals, query), query.page);
	return {
		deleted: url.searchParams.get('deleted'),
		query,
		statuses: publishStatus.options,
		sorts: festivalSorts,
		...page,
		items: page.items.map((f) => ({
			id: f.id,
			name: f.name,
			status: f.status,
			startDate: f.startDate,
			endDate: f.endDate,
			events: events.filter((e) => e.festivalId === f.id).length,
			updatedAt: f.updatedAt,
			sample: f.sample
		}))
	};
}) satisfies PageServerLoad;
