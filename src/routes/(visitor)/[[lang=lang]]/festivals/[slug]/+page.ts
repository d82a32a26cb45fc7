import { isHttpError, redirect } from '@sveltejs/kit';
import { loadView } from '$lib/offline';
import type { PageLoad } from './$types';

export const load = (async ({ fetch, parent, params, url }) => {
	const { lang } = await parent();
	const day = url.searchParams.get('day');
	try {
		return {
			view: await loadView(fetch, 'festival', lang, { slug: params.slug, ...(day ? { day } : {}) })
		};
	} catch (error) {
		// A shared link to a day the festival no longer has opens the festival on its default day.
		if (day && isHttpError(error, 400)) {
			const rest = new URLSearchParams(url.searchParams);
			rest.delete('day');
			redirect(307, `${url.pathname}${rest.size ? `?${rest}` : ''}`);
		}
		throw error;
	}
}) satisfies PageLoad;
