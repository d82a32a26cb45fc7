import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { readiness } from '$lib/server/lifecycle';
import type { RequestHandler } from './$types';

/** Readiness for a load balancer: 503 while the database does not answer or the server is stopping. */
export const GET: RequestHandler = async () => {
	const { ready, reason } = await readiness(getStore());
	return json(ready ? { status: 'ready' } : { status: 'unavailable', reason }, {
		status: ready ? 200 : 503,
		headers: { 'cache-control': 'no-store' }
	});
};
