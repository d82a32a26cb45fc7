import { getStore } from '$lib/server/app';
import { config } from '$lib/server/config';
import { contentResponse } from '$lib/server/feed/content-response';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ request, url }) =>
	contentResponse(getStore(), request, url, config().FEED_MAX_AGE);
