import { error, fail } from '@sveltejs/kit';
import type { Choice, ConflictReport } from '$lib/admin/types';
import type { ContentType } from '$lib/content/schemas';
import type { Language } from '$lib/content/localized';
import { ValidationError, type FieldProblem } from '$lib/content/validation';
import { usersRepository } from '../auth/users';
import type { User } from '../auth/users';
import { NotFoundError } from '../content/errors';
import type { Store } from '../store';
import { contentEditor, EditConflict } from './content';

export type { ConflictReport };

/**
 * Runs one write from a form and turns its refusals into form results: invalid input → 400 with
 * every problem by field, a newer version → 409 with what changed; nothing was written. A save's
 * values go back to the form unchanged; a refused status change or deletion (`strict`) sends only
 * the report, so the page shows the newest version with it.
 */
export async function writeFromForm<V, R>(
	store: Store,
	user: User,
	form: { values: V; problems?: FieldProblem[]; version?: number; strict?: boolean },
	write: (editor: ReturnType<typeof contentEditor>) => Promise<R>
) {
	// The form keeps the version it was loaded at: a refused save must not quietly move it on.
	const { values, version } = form;
	if (form.problems?.length) {
		return { ok: false as const, failure: fail(400, { values, version, problems: form.problems }) };
	}
	try {
		const record = await write(contentEditor(store, user));
		return { ok: true as const, record };
	} catch (problem) {
		if (problem instanceof ValidationError) {
			return {
				ok: false as const,
				failure: fail(400, { values, version, problems: problem.problems })
			};
		}
		if (problem instanceof EditConflict) {
			const names = await usersRepository(store.db).names();
			const conflict: ConflictReport = {
				version: problem.current.version,
				changes: problem.changes,
				by: problem.entries.map((e) => ({
					name: (e.userId && names.get(e.userId)) || '—',
					at: e.at,
					action: e.action,
					version: e.version
				})),
				conflicts: problem.conflicts,
				choices: Object.fromEntries(problem.choices),
				review: problem.review,
				kind: form.strict ? 'strict' : 'save'
			};
			if (form.strict) return { ok: false as const, failure: fail(409, { conflict }) };
			return {
				ok: false as const,
				failure: fail(409, { values, version, problems: [] as FieldProblem[], conflict })
			};
		}
		if (problem instanceof NotFoundError) error(404, problem.message);
		throw problem;
	}
}

/**
 * Versions live in 32-bit integer columns (PostgreSQL's `integer`). A larger number (or one past
 * JavaScript's exact integers, which `Number.isInteger` still accepts) is no version: handed to
 * PostgreSQL it is an out-of-range error, a 500, instead of a refused form.
 */
const largestVersion = 2_147_483_647;
const isVersion = (value: number, least: number) =>
	Number.isSafeInteger(value) && value >= least && value <= largestVersion;

/**
 * The version is a hidden field: only a page from an older build or a hand-made request gets it
 * wrong, so the refusal names the field and says what the editor can do, in the console's language.
 */
const versionRefusal: Record<Language, string> = {
	zh: '表单的版本号（version）缺失或无效：请重新载入页面后再保存。',
	en: "The form's version field is missing or not a valid version: reload the page and save again."
};

/** The version the editor's form was loaded at. */
export function formVersion(form: FormData, lang: Language): number {
	const value = Number(form.get('version'));
	if (!isVersion(value, 1)) error(400, versionRefusal[lang]);
	return value;
}

/** As `formVersion`, for a record the form may be about to create (version 0). */
export function formVersionOrNew(form: FormData, lang: Language): number {
	const value = Number(form.get('version') ?? 0);
	if (!isVersion(value, 0)) error(400, versionRefusal[lang]);
	return value;
}

/**
 * What a refused save's form sends back: the newest version it was shown (`seenVersion`) and a
 * choice per conflicting field (`choice.<path>` = mine | theirs). Anything else is ignored.
 */
export function mergeAnswers(form: FormData): {
	seenVersion?: number;
	choices: Map<string, Choice>;
} {
	const seen = Number(form.get('seenVersion'));
	const choices = new Map<string, Choice>();
	for (const [name, value] of form) {
		if (!name.startsWith('choice.') || (value !== 'mine' && value !== 'theirs')) continue;
		choices.set(name.slice('choice.'.length), value);
	}
	return { seenVersion: isVersion(seen, 1) ? seen : undefined, choices };
}

export type { ContentType };
