import { newNoticeValues } from '$lib/admin/forms/notice';
import { addDays, instantToShanghai, shanghaiToday } from '$lib/content/time';
import { getStore } from '$lib/server/app';
import { noticeScopeOptions } from '$lib/server/editing/options';
import { noticePages } from '$lib/server/editing/pages';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({
	values: newNoticeValues(instantToShanghai(new Date()), addDays(shanghaiToday(), 1)),
	options: await noticeScopeOptions(getStore())
})) satisfies PageServerLoad;

export const actions = { default: noticePages.create } satisfies Actions;
