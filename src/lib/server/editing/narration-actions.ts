import { consoleLanguageOf } from '$lib/admin/language';
import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { str } from '$lib/admin/forms/values';
import {
	maxNarrationBytes,
	narrationLanguages,
	recording as recordingSchema,
	type NarrationLanguage,
	type Recording,
	type Tour,
	type Venue
} from '$lib/content/schemas';
import { ValidationError } from '$lib/content/validation';
import { getStore } from '../app';
import { currentUser } from '../auth/current';
import { AudioError, processAudio } from '../media/audio';
import { contentEditor, EditConflict } from './content';
import { formVersion } from './form-action';

type NarratedType = 'venues' | 'tours';
type Narrated = Venue | Tour;

/** Where a record keeps the narration the form names: the venue itself, or one of a tour's stops. */
function narrationOf(record: Narrated, stop: number | undefined): Recording[] | undefined {
	if (!('stops' in record)) return stop === undefined ? record.narration : undefined;
	return stop === undefined ? undefined : record.stops[stop]?.narration;
}

function withNarration(record: Narrated, stop: number | undefined, next: Recording[]): Narrated {
	if (!('stops' in record)) return { ...record, narration: next };
	return {
		...record,
		stops: record.stops.map((s, i) => (i === stop ? { ...s, narration: next } : s))
	};
}

/** The stop index a form names (absent for a venue); anything else is not a stop. */
function stopOf(form: FormData): number | undefined | 'invalid' {
	const text = str(form, 'stop');
	if (!text) return undefined;
	return /^\d{1,3}$/.test(text) ? Number(text) : 'invalid';
}

/**
 * Upload and removal of narration recordings, saved like images (image-actions.ts): the file is
 * checked, stripped of its tags and measured first (media/audio.ts), then written into the record
 * through the audited editor at the version the page was loaded at, so a draft stays a draft,
 * the audit log shows the change and a newer edit to the same narration is never overwritten.
 * A transcript is required with every recording.
 */
export function narrationActions(type: NarratedType) {
	/**
	 * The record at the version the page was loaded at, and the narration the form names (the
	 * venue's, or one stop's). A failure when someone has changed it since or the stop is not there.
	 */
	async function open(event: RequestEvent<{ id: string }>, form: FormData, stop?: number) {
		const store = getStore();
		if (!(await store[type].getById(event.params.id))) error(404, `No ${type} ${event.params.id}`);
		const version = formVersion(form, consoleLanguageOf(event.cookies));
		const editor = contentEditor(store, currentUser(event.locals));
		const opened = (await editor.recordAt(type, event.params.id, version)) as Narrated | undefined;
		if (!opened) return { failure: fail(409, { narrationProblem: 'conflict' }) };
		const current = narrationOf(opened, stop);
		if (!current) return { failure: fail(400, { narrationProblem: 'stop' }) };
		return { editor, opened, version, stop, current };
	}
	type Opened = Exclude<Awaited<ReturnType<typeof open>>, { failure: unknown }>;

	async function save(at: Opened, change: (current: Recording[]) => Recording[]) {
		const { editor, opened, version, stop, current } = at;
		try {
			await editor.saveMerging({
				type,
				id: opened.id,
				input: withNarration(opened, stop, change(current)),
				version,
				request: { baseInput: opened, choices: new Map() }
			});
		} catch (problem) {
			if (problem instanceof EditConflict) return fail(409, { narrationProblem: 'conflict' });
			if (problem instanceof ValidationError) {
				return fail(400, { narrationProblem: problem.problems[0]?.message ?? 'invalid' });
			}
			throw problem;
		}
		redirect(303, `/admin/${type}/${opened.id}?saved=1`);
	}

	return {
		narration: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const stop = stopOf(form);
			if (stop === 'invalid') return fail(400, { narrationProblem: 'stop' });
			const language = str(form, 'language') as NarrationLanguage;
			if (!narrationLanguages.includes(language)) {
				return fail(400, { narrationProblem: 'language' });
			}
			const transcript = str(form, 'transcript').trim();
			if (!transcript) return fail(400, { narrationProblem: 'transcript' });
			// Everything the save would refuse is checked before the recording is stored: refused
			// after, the file would stay with no record using it (only a save racing this one is left).
			const transcriptChecked = recordingSchema.shape.transcript.safeParse(transcript);
			if (!transcriptChecked.success) {
				return fail(400, {
					narrationProblem: transcriptChecked.error.issues[0]?.message ?? 'invalid',
					narrationField: 'transcript'
				});
			}
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0)
				return fail(400, { narrationProblem: 'file' });
			if (file.size > maxNarrationBytes) return fail(400, { narrationProblem: 'too large' });
			const at = await open(event, form, stop);
			if ('failure' in at) return at.failure;
			let recording: Recording;
			try {
				const audio = await processAudio(new Uint8Array(await file.arrayBuffer()));
				recording = { language, transcript, ...audio };
			} catch (problem) {
				if (problem instanceof AudioError) return fail(400, { narrationProblem: problem.problem });
				throw problem;
			}
			return save(at, (current) => [...current.filter((r) => r.language !== language), recording]);
		},
		removeNarration: async (event: RequestEvent<{ id: string }>) => {
			const form = await event.request.formData();
			const stop = stopOf(form);
			if (stop === 'invalid') return fail(400, { narrationProblem: 'stop' });
			const language = str(form, 'language');
			const at = await open(event, form, stop);
			if ('failure' in at) return at.failure;
			return save(at, (current) => current.filter((r) => r.language !== language));
		}
	};
}
