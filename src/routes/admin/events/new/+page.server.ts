import { redirect } from '@sveltejs/kit';
import { eventInputOf, eventValuesFrom, newEventValues } from '$lib/admin/forms/event';
import { addDays, shanghaiToday } from '$lib/content/time';
import { getStore } from '$lib/server/app';
import { currentUser } from '$lib/server/auth/current';
import { writeFromForm } from '$lib/server/editing/form-action';
import { pickerOptions } from '$lib/server/editing/options';
import type { Actions, PageServerLoad } from './$types';

export const load = (async () => ({
	values: newEventValues(addDays(shanghaiToday(), 1)),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = {
	default: async ({ request, locals }) => {
		const values = eventValuesFrom(await request.formData());
		const { input, problems } = eventInputOf(values);
		const result = await writeFromForm(
			getStore(),
			currentUser(locals),
			values,
			problems,
			(editor) => editor.create('events', input)
		);
		if (!result.ok) return result.failure;
		redirect(303, `/admin/events/${result.record?.id}?created=1`);
	}
} satisfies Actions;
