import { fail, redirect } from '@sveltejs/kit';
import { getStore } from '$lib/server/app';
import { currentUser } from '$lib/server/auth/current';
import { contentEditor } from '$lib/server/editing/content';
import { parseProgramme, programmeColumns } from '$lib/server/editing/import-programme';
import type { Actions, PageServerLoad } from './$types';

const maxBytes = 1024 * 1024;

export const load = (async ({ url }) => ({
	festivals: (await getStore().festivals.listAll())
		.map((f) => ({ id: f.id, name: f.name, startDate: f.startDate }))
		.sort((a, b) => b.startDate.localeCompare(a.startDate)),
	festivalId: url.searchParams.get('festival') ?? '',
	columns: programmeColumns
})) satisfies PageServerLoad;

/** Reads the uploaded file as UTF-8 text, or says why it cannot be. */
async function uploaded(form: FormData): Promise<{ text: string } | { problem: string }> {
	const file = form.get('file');
	const previewed = form.get('csv');
	if (typeof previewed === 'string' && !(file instanceof File && file.size)) {
		// The previewed text comes back in a form field: the same limit as an uploaded file.
		if (Buffer.byteLength(previewed) > maxBytes) return { problem: 'too large' };
		return { text: previewed };
	}
	if (!(file instanceof File) || file.size === 0) return { problem: 'the file is empty' };
	if (file.size > maxBytes) return { problem: 'too large' };
	try {
		return { text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()) };
	} catch {
		return { problem: 'not UTF-8' };
	}
}

async function parse(form: FormData) {
	const store = getStore();
	const festivalId = String(form.get('festivalId') ?? '');
	const festival = await store.festivals.getById(festivalId);
	if (!festival) return { festivalId, problem: 'festival' as const };
	const file = await uploaded(form);
	if ('problem' in file) return { festivalId, fileProblem: file.problem };
	const [venues, existing] = await Promise.all([store.venues.listAll(), store.events.listAll()]);
	const result = parseProgramme(file.text, { festival, venues, existing });
	if (!result.ok) return { festivalId, fileProblem: result.problem };
	return { festivalId, csv: file.text, rows: result.rows };
}

export const actions = {
	/** Shows every row with its problems; nothing is written. */
	preview: async ({ request }) => {
		const parsed = await parse(await request.formData());
		if (!parsed.rows) return fail(400, parsed);
		return {
			festivalId: parsed.festivalId,
			csv: parsed.csv,
			rows: parsed.rows.map(({ input: _input, ...row }) => ({ ...row, valid: !!_input }))
		};
	},
	/** Imports the valid rows of the previewed file as drafts, in one transaction. */
	import: async ({ request, locals }) => {
		const parsed = await parse(await request.formData());
		if (!parsed.rows) return fail(400, parsed);
		const inputs = parsed.rows.flatMap((row) => (row.input ? [row.input] : []));
		if (!inputs.length)
			return fail(400, { festivalId: parsed.festivalId, fileProblem: 'the file has no rows' });
		await contentEditor(getStore(), currentUser(locals)).createMany('events', inputs);
		redirect(
			303,
			`/admin/events?festival=${parsed.festivalId}&status=draft&imported=${inputs.length}`
		);
	}
} satisfies Actions;
