import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { config } from '$lib/server/config';
import { apiNotFound } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/**
 * Test-only: browser tests change an event the way the bureau would, through the repository (so the
 * revision moves and the feed carries it). Absent unless ENABLE_TEST_ROUTES=true, which the
 * configuration refuses in production.
 */
export const POST: RequestHandler = async ({ params, request, url }) => {
	if (config().ENABLE_TEST_ROUTES !== 'true') return apiNotFound(url.pathname);
	const store = getStore();
	const event = (await store.events.listAll()).find((e) => e.slug === params.slug);
	if (!event) return apiNotFound(url.pathname);
	const changes = (await request.json()) as Record<string, unknown>;
	const updated = await store.events.update(event.id, { ...event, ...changes }, event.version);
	return json(updated);
};
