import { consoleLanguageOf } from '$lib/admin/language';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { Localized } from '$lib/content/localized';
import type { ContentType } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import { getStore } from '../app';
import { currentUser } from '../auth/current';
import type { ContentRepository, StoredRecord } from '../content/repository';
import { contentEditor } from './content';
import { formVersion, mergeAnswers, writeFromForm } from './form-action';
import { historyOf, saveNotice } from './history';

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
			notice: await saveNotice(getStore(), spec.type, record.id, url.searchParams)
		};
	}

	/**
	 * Status changes go through the same audited save, but are never merged: one over a newer
	 * version is refused, and the page then shows the newest version with what changed.
	 */
	async function setStatus(
		form: FormData,
		event: RequestEvent<{ id: string }>,
		changes: { status: string } & Record<string, unknown>
	) {
		const id = event.params.id;
		const record = await stored(id);
		const version = formVersion(form, consoleLanguageOf(event.cookies));
		const result = await writeFromForm(
			getStore(),
			currentUser(event.locals),
			{ values: spec.valuesOf(record), version, strict: true },
			(editor) => editor.setStatus(spec.type, id, version, changes)
		);
		if (!result.ok) return result.failure;
		redirect(303, `${base}/${id}?saved=1`);
	}

	const editActions = {
		/**
		 * Saves the form over the version it was opened at, merged with anything saved since: the
		 * form code runs on the record as it was then (`baseInput`), so only what this editor
		 * changed counts as theirs to write, and the fields the form does not edit come from that
		 * version too (never "changed" by this editor).
		 */
		save: async (event: RequestEvent<{ id: string }>) => {
			const id = event.params.id;
			const form = await event.request.formData();
			const values = spec.valuesFrom(form);
			const version = formVersion(form, consoleLanguageOf(event.cookies));
			const user = currentUser(event.locals);
			const current = await stored(id);
			const opened = (await contentEditor(getStore(), user).recordAt(spec.type, id, version)) as
				T | undefined;
			const { input, problems } = spec.inputOf(values, opened ?? current);
			const baseInput = opened && spec.inputOf(spec.valuesOf(opened), opened).input;
			const result = await writeFromForm(
				getStore(),
				user,
				{ values, problems, version },
				(editor) =>
					editor.saveMerging({
						type: spec.type,
						id,
						input,
						version,
						request: { baseInput, ...mergeAnswers(form) }
					})
			);
			if (!result.ok) return result.failure;
			// Over newer versions: the page says whose changes it kept (read back from the audit log).
			const { merged } = result.record;
			redirect(
				303,
				`${base}/${id}?saved=1${merged ? `&merged=${merged.from}-${merged.upTo}` : ''}`
			);
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
			if (form.get('confirm') !== 'yes') return fail(400, { deleteProblem: 'confirm' as const });
			const version = formVersion(form, consoleLanguageOf(event.cookies));
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
		redirect(303, `${base}/${result.record.id}?created=1`);
	}

	return { stored, loadRecord, setStatus, editActions, create };
}
