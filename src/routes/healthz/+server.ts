import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { liveness } from '$lib/server/lifecycle';
import type { RequestHandler } from './$types';

/** Liveness plus the content revision, so an operator sees at a glance what phones will sync to. */
export const GET: RequestHandler = async () =>
	json(await liveness(getStore()), { headers: { 'cache-control': 'no-store' } });
