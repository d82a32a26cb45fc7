import { error } from '@sveltejs/kit';
import { pick } from '$lib/content/localized';
import { langFromParam } from '$lib/i18n/paths';
import { getStore } from '$lib/server/app';
import type { PageServerLoad } from './$types';

/** A notice as the banner a phone shows, drafts and notices still to come included. */
export const load = (async ({ params, url }) => {
	const store = getStore();
	const notice = await store.notices.getById(params.id);
	if (!notice) error(404, `No notices ${params.id}`);
	const lang = langFromParam(url.searchParams.get('lang') ?? undefined);
	const scope = notice.scope;
	const target = scope && (await store[scope.type].getById(scope.id));
	return {
		lang,
		id: notice.id,
		status: notice.status,
		item: {
			id: notice.id,
			severity: notice.severity,
			text: pick(notice.message, lang),
			start: notice.start,
			end: notice.end
		},
		start: notice.start,
		scopeName: target ? pick(target.name, lang) : undefined
	};
}) satisfies PageServerLoad;
