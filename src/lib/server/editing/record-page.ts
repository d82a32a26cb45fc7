import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Localized } from '$lib/content/localized';
import type { ContentType } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import { getStore } from '../app';
import { currentUser } from '../auth/current';
import type { ContentRepository, StoredRecord } from '../content/repository';
import { formVersion, writeFromForm } from './form-action';
import { historyOf } from './history';

/** How one content type's form maps to and from its records (see $lib/admin/forms). */
export interface RecordForm<T extends StoredRecord, V> {
	type: ContentType;
	valuesOf(record: T): V;
	valuesFrom(form: FormData): V;
	/** The schema input for the values; `base` is the stored record (fields the form does not edit). */
	inputOf(values: V, base?: T): { input: object; problems: FieldProblem[] };
	titleOf(record: T): Localized;
}

/**
 * The edit and create pages of every content type work the same way: load the record, its history
 * and form values; save, publish, unpublish and delete through the audited editor with the
 * version the form was loaded at. This builds those loads and actions for one type.
 */
export function recordPages<T extends StoredRecord, V>(spec: RecordForm<T, V>) {
	const base = `/admin/${spec.type}`;
	const repository = () => getStore()[spec.type] as unknown as ContentRepository<T>;

	async function stored(id: string): Promise<T> {
		const record = await repository().getById(id);
		if (!record) error(404, `No ${spec.type} ${id}`);
		return record;
	}

	async function loadRecord(id: string, url: URL) {
		const record = await stored(id);
		return {
			record: { id: record.id, slug: record.slug, status: record.status, version: record.version },
			title: spec.titleOf(record),
			values: spec.valuesOf(record),
			history: await historyOf(getStore(), spec.type, record.id),
			notice: url.searchParams.has('created')
				? ('created' as const)
				: url.searchParams.has('saved')
					? ('saved' as const)
					: undefined
		};
	}

	/** Status changes go through the same audited save, refused over a newer version like any other. */
	async function setStatus(
		form: FormData,
		event: RequestEvent<{ id: string }>,
		changes: { status: string } & Record<string, unknown>
	) {
		const id = event.params.id;
		const record = await stored(id);
		const version = formVersion(form);
		const result = await writeFromForm(
			getStore(),
			currentUser(event.locals),
			{ values: spec.valuesOf(record), version },
			(editor) => editor.setStatus(spec.type, id, version, changes)
		);
		if (!result.ok) return result.failure;
		redirect(303, `${base}/${id}?saved=1`);
	}

	const editActions = {
		save: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const values = spec.valuesFrom(form);
			const { input, problems } = spec.inputOf(values, await stored(event.params.id));
			const version = formVersion(form);
			const result = await writeFromForm(
				getStore(),
				currentUser(event.locals),
				// The version the form was loaded at, even when "save mine anyway" sent a newer one.
				{ values, problems, version: Number(form.get('version')) || version },
				(editor) => editor.save(spec.type, event.params.id, input, version)
			);
			if (!result.ok) return result.failure;
			redirect(303, `${base}/${event.params.id}?saved=1`);
		},
		publish: async (event: RequestEvent<{ id: string }>) =>
			setStatus(await event.request.formData(), event, {
				status: 'published',
				statusReason: undefined
			}),
		unpublish: async (event: RequestEvent<{ id: string }>) =>
			setStatus(await event.request.formData(), event, { status: 'draft' }),
		delete: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const record = await stored(event.params.id);
			if (form.get('confirm') !== 'yes') return fail(400, { deleteProblem: true });
			const version = formVersion(form);
			const result = await writeFromForm(
				getStore(),
				currentUser(event.locals),
				{ values: spec.valuesOf(record), version },
				(editor) => editor.remove(spec.type, event.params.id, version)
			);
			if (!result.ok) return result.failure;
			redirect(303, `${base}?deleted=${encodeURIComponent(spec.titleOf(record).zh)}`);
		}
	};

	async function create(event: RequestEvent) {
		const values = spec.valuesFrom(await event.request.formData());
		const { input, problems } = spec.inputOf(values);
		const result = await writeFromForm(
			getStore(),
			currentUser(event.locals),
			{ values, problems },
			(editor) => editor.create(spec.type, input)
		);
		if (!result.ok) return result.failure;
		redirect(303, `${base}/${result.record?.id}?created=1`);
	}

	return { stored, loadRecord, setStatus, editActions, create };
}
