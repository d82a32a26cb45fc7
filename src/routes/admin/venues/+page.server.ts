import { publishStatus, venueKinds } from '$lib/content/schemas';
import { filterVenues, listQuery, paged, venueSorts } from '$lib/admin/lists';
import { getStore } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const query = listQuery(url, venueSorts);
	const page = paged(filterVenues(await getStore().venues.listAll(), query), query.page);
	return {
		deleted: url.searchParams.get('deleted'),
		query,
		statuses: publishStatus.options,
		kinds: venueKinds,
		sorts: venueSorts,
		...page,
		items: page.items.map((v) => ({
			id: v.id,
			name: v.name,
			status: v.status,
			kind: v.kind,
			address: v.address,
			openingHours: v.openingHours,
			updatedAt: v.updatedAt,
			sample: v.sample
		}))
	};
}) satisfies PageServerLoad;
