import { json } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { config } from '$lib/server/config';
import { apiNotFound } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/**
 * Test-only: replaces one year of the holiday calendar through the repository, as an admin would,
 * and answers with the year it replaced so the test can put it back. Absent unless
 * ENABLE_TEST_ROUTES=true.
 */
export const POST: RequestHandler = async ({ request, url }) => {
	if (config().ENABLE_TEST_ROUTES !== 'true') return apiNotFound(url.pathname);
	const store = getStore();
	const year = (await request.json()) as { year: number };
	const previous = (await store.holidays.list()).find((y) => y.year === year.year);
	await store.holidays.save(year, previous?.version ?? 0);
	return json(
		previous
			? { year: previous.year, holidays: previous.holidays, workdays: previous.workdays }
			: null
	);
};
