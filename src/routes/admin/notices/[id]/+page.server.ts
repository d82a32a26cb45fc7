import { getStore } from '$lib/server/app';
import { noticeScopeOptions } from '$lib/server/editing/options';
import { noticePages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await noticePages.loadRecord(params.id, url)),
	options: await noticeScopeOptions(getStore())
})) satisfies PageServerLoad;

export const actions = noticePages.editActions satisfies Actions;
