import { consoleLanguageOf } from '$lib/admin/language';
import { fail } from '@sveltejs/kit';
import {
	holidayLines,
	holidayImpact,
	parseDates,
	parseHolidayLines
} from '$lib/content/holiday-impact';
import { holidayYear } from '$lib/content/holidays';
import { shanghaiToday } from '$lib/content/time';
import { problemsOf } from '$lib/content/validation';
import { getStore } from '$lib/server/app';
import { auditRepository } from '$lib/server/audit/log';
import { currentUser } from '$lib/server/auth/current';
import { ConflictError } from '$lib/server/content/errors';
import { currentRevision } from '$lib/server/content/revision';
import { formVersionOrNew } from '$lib/server/editing/form-action';
import type { Actions, PageServerLoad } from './$types';

// Admin-only by the access table (auth/access.ts).
export const load = (async ({ url }) => {
	const store = getStore();
	const years = await store.holidays.list();
	const venues = await store.venues.listPublic();
	const today = shanghaiToday();
	const thisYear = Number(today.slice(0, 4));
	const next = thisYear + 1;
	const editing =
		Number(url.searchParams.get('year')) || Math.max(next, ...years.map((y) => y.year + 1));
	const existing = years.find((y) => y.year === editing);
	return {
		years: years.map((y) => ({ ...y, impact: holidayImpact(venues, y) })),
		// From November the State Council's schedule for next year is due.
		reminder: today.slice(5, 7) >= '11' && !years.some((y) => y.year === next) ? next : null,
		form: {
			year: editing,
			version: existing?.version ?? 0,
			holidays: existing ? holidayLines(existing) : '',
			workdays: existing?.workdays.join(' ') ?? ''
		}
	};
}) satisfies PageServerLoad;

export const actions = {
	save: async ({ request, locals, cookies }) => {
		const user = currentUser(locals);
		const form = await request.formData();
		const values = {
			year: Number(form.get('year')),
			version: formVersionOrNew(form, consoleLanguageOf(cookies)),
			holidays: String(form.get('holidays') ?? ''),
			workdays: String(form.get('workdays') ?? '')
		};
		const input = {
			year: values.year,
			holidays: parseHolidayLines(values.holidays),
			workdays: parseDates(values.workdays)
		};
		const parsed = holidayYear.safeParse(input);
		if (!parsed.success) return fail(400, { values, problems: problemsOf(parsed.error) });
		const store = getStore();
		try {
			await store.db.transaction().execute(async (trx) => {
				const { createStore } = await import('$lib/server/store');
				const saved = await createStore(trx).holidays.save(parsed.data, values.version);
				await auditRepository(trx).record({
					userId: user.id,
					action: 'holidays.publish',
					entityType: 'holidays',
					entityId: String(saved.year),
					version: saved.version,
					changes: [
						{ path: 'holidays', after: holidayLines(saved) },
						{ path: 'workdays', after: saved.workdays.join(' ') }
					]
				});
			});
		} catch (error) {
			if (error instanceof ConflictError) return fail(409, { values, conflict: true });
			throw error;
		}
		return { saved: values.year, revision: await currentRevision(store.db) };
	}
} satisfies Actions;
