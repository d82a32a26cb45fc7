import { error, fail, redirect } from '@sveltejs/kit';
import { eventInputOf, eventValues, eventValuesFrom } from '$lib/admin/forms/event';
import { localizedFrom, optionalTextInput } from '$lib/admin/forms/values';
import type { Event } from '$lib/content/schemas';
import { getStore } from '$lib/server/app';
import { currentUser } from '$lib/server/auth/current';
import { formVersion, writeFromForm } from '$lib/server/editing/form-action';
import { historyOf } from '$lib/server/editing/history';
import { pickerOptions } from '$lib/server/editing/options';
import type { Actions, PageServerLoad } from './$types';

async function stored(id: string): Promise<Event> {
	const event = await getStore().events.getById(id);
	if (!event) error(404, `No event ${id}`);
	return event;
}

export const load = (async ({ params, url }) => {
	const store = getStore();
	const event = await stored(params.id);
	return {
		event: {
			id: event.id,
			slug: event.slug,
			status: event.status,
			title: event.title,
			version: event.version
		},
		values: eventValues(event),
		options: await pickerOptions(store),
		history: await historyOf(store, 'events', event.id),
		notice: url.searchParams.has('created')
			? 'created'
			: url.searchParams.has('saved')
				? 'saved'
				: undefined
	};
}) satisfies PageServerLoad;

/** Publish, unpublish and cancel change the stored record's status through the same audited save. */
async function setStatus(
	request: Request,
	locals: App.Locals,
	id: string,
	changes: (form: FormData) => { status: Event['status'] } & Record<string, unknown>
) {
	const form = await request.formData();
	const event = await stored(id);
	const result = await writeFromForm(
		getStore(),
		currentUser(locals),
		eventValues(event),
		[],
		(editor) => editor.setStatus('events', id, formVersion(form), changes(form))
	);
	if (!result.ok) return result.failure;
	redirect(303, `/admin/events/${id}?saved=1`);
}

export const actions = {
	save: async ({ request, locals, params }) => {
		const form = await request.formData();
		const values = eventValuesFrom(form);
		const event = await stored(params.id);
		const { input, problems } = eventInputOf(values, event);
		const result = await writeFromForm(
			getStore(),
			currentUser(locals),
			values,
			problems,
			(editor) => editor.save('events', params.id, input, formVersion(form))
		);
		if (!result.ok) return result.failure;
		redirect(303, `/admin/events/${params.id}?saved=1`);
	},
	publish: ({ request, locals, params }) =>
		setStatus(request, locals, params.id, () => ({ status: 'published', statusReason: undefined })),
	unpublish: ({ request, locals, params }) =>
		setStatus(request, locals, params.id, () => ({ status: 'draft' })),
	cancel: async ({ request, locals, params }) => {
		const form = await request.clone().formData();
		const reason = optionalTextInput(localizedFrom(form, 'statusReason'));
		if (!reason) {
			return fail(400, { cancelProblem: 'a reason is required when cancelled' });
		}
		return setStatus(request, locals, params.id, () => ({
			status: 'cancelled',
			statusReason: reason
		}));
	},
	delete: async ({ request, locals, params }) => {
		const form = await request.formData();
		const event = await stored(params.id);
		if (form.get('confirm') !== 'yes') return fail(400, { deleteProblem: 'confirm' });
		const result = await writeFromForm(
			getStore(),
			currentUser(locals),
			eventValues(event),
			[],
			(editor) => editor.remove('events', params.id, formVersion(form))
		);
		if (!result.ok) return result.failure;
		redirect(303, `/admin/events?deleted=${encodeURIComponent(event.title.zh)}`);
	}
} satisfies Actions;
