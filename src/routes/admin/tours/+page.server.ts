import { publishStatus, tourModes } from '$lib/content/schemas';
import { filterTours, listQuery, paged, tourSorts } from '$lib/admin/lists';
import { getStore } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const query = listQuery(url, tourSorts);
	const page = paged(filterTours(await getStore().tours.listAll(), query), query.page);
	return {
		deleted: url.searchParams.get('deleted'),
		query,
		statuses: publishStatus.options,
		modes: tourModes,
		sorts: tourSorts,
		...page,
		items: page.items.map((t) => ({
			id: t.id,
			name: t.name,
			theme: t.theme,
			status: t.status,
			modes: t.modes,
			stops: t.stops.length,
			distanceM: t.distanceM,
			durationMinutes: t.durationMinutes,
			updatedAt: t.updatedAt,
			sample: t.sample
		}))
	};
}) satisfies PageServerLoad;
