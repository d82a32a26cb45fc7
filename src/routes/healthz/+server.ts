import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { currentRevision } from '$lib/server/content/revision';
import type { RequestHandler } from './$types';

/** Liveness plus the content revision, so an operator sees at a glance what phones will sync to. */
export const GET: RequestHandler = async () =>
	json(
		{ status: 'ok', revision: await currentRevision(getStore().db) },
		{ headers: { 'cache-control': 'no-store' } }
	);
