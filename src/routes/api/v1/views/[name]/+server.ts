import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { runView } from '$lib/server/views/run';
import type { RequestHandler } from './$types';

/** Page data for server rendering: the same pure view a phone computes from its mirror. */
export const GET: RequestHandler = async ({ params, url }) =>
	runView(await serverSnapshot(getStore()), params.name, url);

export const fallback: RequestHandler = () =>
	json({ error: { status: 405, message: 'Views are read with GET' } }, { status: 405 });
