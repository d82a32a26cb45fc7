import { error } from '@sveltejs/kit';
import type { PageLoad } from './$types';

// A visitor's own plan, on this phone only: rendered in the browser from the offline mirror.
export const ssr = false;

const isDate = (value: string) =>
	/^\d{4}-\d{2}-\d{2}$/.test(value) &&
	new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

export const load = (({ params }) => {
	if (!isDate(params.date)) error(404, 'Not a date');
	return { date: params.date };
}) satisfies PageLoad;
