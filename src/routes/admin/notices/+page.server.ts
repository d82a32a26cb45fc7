import { noticeSeverities, publishStatus } from '$lib/content/schemas';
import { filterNotices, listQuery, noticeSorts, paged } from '$lib/admin/lists';
import { getStore } from '$lib/server/app';
import type { PageServerLoad } from './$types';

export const load = (async ({ url }) => {
	const query = listQuery(url, noticeSorts);
	const page = paged(filterNotices(await getStore().notices.listAll(), query), query.page);
	return {
		deleted: url.searchParams.get('deleted'),
		query,
		statuses: publishStatus.options,
		severities: noticeSeverities,
		sorts: noticeSorts,
		...page,
		items: page.items.map((n) => ({
			id: n.id,
			message: n.message,
			status: n.status,
			severity: n.severity,
			start: n.start,
			end: n.end,
			scoped: !!n.scope,
			updatedAt: n.updatedAt,
			sample: n.sample
		}))
	};
}) satisfies PageServerLoad;
