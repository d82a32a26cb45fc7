import { programmeTemplate } from '$lib/server/editing/import-programme';
import type { RequestHandler } from './$types';

/** The import template: the exact columns and one example row. */
export const GET: RequestHandler = () =>
	new Response(programmeTemplate(), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="festival-programme-template.csv"'
		}
	});
