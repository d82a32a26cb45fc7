import { consoleLanguageOf } from '$lib/admin/language';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { localizedFrom, optionalTextInput } from '$lib/admin/forms/values';
import { image as imageSchema, maxPhotos } from '$lib/content/schemas';
import type { ContentType, Image } from '$lib/content/schemas';
import { problemsOf, ValidationError } from '$lib/content/validation';
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

	/**
	 * The record at the version the page was loaded at: the pictures as the page showed them (a
	 * removal's index points into that list). Undefined when someone has changed it since.
	 */
	async function open(event: RequestEvent<{ id: string }>, form: FormData) {
		if (!(await repository().getById(event.params.id))) error(404, `No ${type} ${event.params.id}`);
		const version = formVersion(form, consoleLanguageOf(event.cookies));
		const editor = contentEditor(getStore(), currentUser(event.locals));
		const opened = await editor.recordAt(type, event.params.id, version);
		return opened && { editor, opened, version };
	}
	type Opened = NonNullable<Awaited<ReturnType<typeof open>>>;

	/** Saved like a form, merged with whatever others changed meanwhile in other fields. */
	async function save({ editor, opened, version }: Opened, images: (current: Image[]) => Image[]) {
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
				// Which field of the picture (its alt text in one language…) and what is wrong with it.
				const [first] = problem.problems;
				return fail(400, { imageProblem: first?.message ?? 'invalid', imageField: first?.path });
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
			// Everything the save would refuse is checked before a rendition is stored: refused after,
			// the files would stay with no record using them (only a save racing this one is left).
			const altChecked = imageSchema.shape.alt.safeParse(alt);
			if (!altChecked.success) {
				const [first] = problemsOf(altChecked.error);
				return fail(400, { imageProblem: first.message, imageField: `alt.${first.path}` });
			}
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) return fail(400, { imageProblem: 'file' });
			if (file.size > maxImageBytes) return fail(400, { imageProblem: 'too large' });
			const at = await open(event, form);
			if (!at) return fail(409, { imageProblem: 'conflict' });
			if (field === 'photos' && imagesOf(at.opened, field).length >= maxPhotos) {
				return fail(400, { imageProblem: 'too many', imageField: field });
			}
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
			return save(at, (current) => (field === 'photos' ? [...current, image] : [image]));
		},
		removeImage: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const index = Number(form.get('index'));
			const at = await open(event, form);
			if (!at) return fail(409, { imageProblem: 'conflict' });
			return save(at, (current) => current.filter((_, i) => i !== index));
		}
	};
}
