import { consoleLanguageOf } from '$lib/admin/language';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizedFrom, optionalTextInput } from '$lib/admin/forms/values';
import type { ContentType, Image } from '$lib/content/schemas';
import { ValidationError } from '$lib/content/validation';
import { getStore } from '../app';
import { currentUser } from '../auth/current';
import type { ContentRepository, StoredRecord } from '../content/repository';
import { ImageError, maxImageBytes, processImage } from '../media/images';
import { contentEditor, EditConflict } from './content';
import { formVersion } from './form-action';

/** Where a type keeps its pictures: one image, a hero image, or a list of photos (venues). */
export type ImageField = 'image' | 'heroImage' | 'photos';

export function imagesOf(record: object, field: ImageField): Image[] {
	const value = (record as Record<string, unknown>)[field];
	return (Array.isArray(value) ? value : value ? [value] : []) as Image[];
}

/**
 * Upload and removal of a record's pictures. A picture is checked and processed first (see
 * media/images.ts), then saved into the record through the audited editor with the version the
 * page was loaded at, like any other save: merged with others' changes to other fields, refused
 * when someone changed the pictures too; the alt text in Chinese is required.
 */
export function imageActions(type: ContentType, field: ImageField) {
	const repository = () => getStore()[type] as unknown as ContentRepository<StoredRecord>;
	const base = `/admin/${type}`;

	async function write(
		event: RequestEvent<{ id: string }>,
		form: FormData,
		images: (current: Image[]) => Image[]
	) {
		if (!(await repository().getById(event.params.id))) error(404, `No ${type} ${event.params.id}`);
		const version = formVersion(form, consoleLanguageOf(event.cookies));
		const editor = contentEditor(getStore(), currentUser(event.locals));
		// The pictures as the page showed them (a removal's index points into that list); saved
		// like a form, merged with whatever others changed meanwhile in other fields.
		const opened = await editor.recordAt(type, event.params.id, version);
		if (!opened) return fail(409, { imageProblem: 'conflict' });
		const next = images(imagesOf(opened, field));
		const changes = field === 'photos' ? { photos: next } : { [field]: next[0] };
		try {
			await editor.saveMerging({
				type,
				id: opened.id,
				input: { ...opened, ...changes },
				version,
				request: { baseInput: opened, choices: new Map() }
			});
		} catch (problem) {
			// Someone changed the pictures too: the page must be reloaded before they change again.
			if (problem instanceof EditConflict) return fail(409, { imageProblem: 'conflict' });
			if (problem instanceof ValidationError) {
				return fail(400, { imageProblem: problem.problems[0]?.message ?? 'invalid' });
			}
			throw problem;
		}
		redirect(303, `${base}/${opened.id}?saved=1`);
	}

	return {
		image: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const alt = optionalTextInput(localizedFrom(form, 'alt'));
			if (!alt?.zh.trim()) return fail(400, { imageProblem: 'alt' });
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) return fail(400, { imageProblem: 'file' });
			if (file.size > maxImageBytes) return fail(400, { imageProblem: 'too large' });
			let image: Image;
			try {
				image = {
					...(await processImage(new Uint8Array(await file.arrayBuffer()))),
					alt: alt as Image['alt']
				};
			} catch (problem) {
				if (problem instanceof ImageError) return fail(400, { imageProblem: problem.message });
				throw problem;
			}
			return write(event, form, (current) => (field === 'photos' ? [...current, image] : [image]));
		},
		removeImage: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const index = Number(form.get('index'));
			return write(event, form, (current) => current.filter((_, i) => i !== index));
		}
	};
}
