import { getStore } from '$lib/server/app';
import { config } from '$lib/server/config';
import { icsResponse } from '$lib/server/feed/ics-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url }) =>
	icsResponse(getStore(), request, url, {
		maxAge: config().FEED_MAX_AGE,
		origin: config().PUBLIC_ORIGIN ?? url.origin
	});
