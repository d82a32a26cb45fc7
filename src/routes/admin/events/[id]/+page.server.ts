import { fail } from '@sveltejs/kit';
import { localizedFrom, optionalTextInput } from '$lib/admin/forms/values';
import { getStore } from '$lib/server/app';
import { pickerOptions } from '$lib/server/editing/options';
import { eventPages } from '$lib/server/editing/pages';
import { imageActions, imagesOf } from '$lib/server/editing/image-actions';
import type { Actions, PageServerLoad } from './$types';

export const load = (async ({ params, url }) => ({
	...(await eventPages.loadRecord(params.id, url)),
	images: imagesOf(await eventPages.stored(params.id), 'image'),
	options: await pickerOptions(getStore())
})) satisfies PageServerLoad;

export const actions = {
	...eventPages.editActions,
	...imageActions('events', 'image'),
	/** Cancelling needs a reason; the rest of the record stays as stored. */
	cancel: async (event) => {
		const form = await event.request.formData();
		const reason = optionalTextInput(localizedFrom(form, 'statusReason'));
		// The answer names the field the refusal is about.
		if (!reason) return fail(400, { cancelProblem: 'statusReason' as const });
		return eventPages.setStatus(form, event, { status: 'cancelled', statusReason: reason });
	}
} satisfies Actions;
