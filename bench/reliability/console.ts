// Posting the console's forms as an editor's browser does, and making records through them: the
// bench writes only through the doors an editor has.
import type { BrowserContext } from '@playwright/test';
import { formsOn, withValues, type Form } from './forms';
import { multipart, send, urlencoded, type Answer } from './http';
import type { Target } from './target';

/** The kinds of content with public pages of their own. */
export const contentTypes = ['events', 'venues', 'festivals', 'tours'] as const;
export type ContentType = (typeof contentTypes)[number];
/** Everything the console edits with the same pages: the content and the bureau's notices. */
export const consoleTypes = [...contentTypes, 'notices'] as const;
export type ConsoleType = (typeof consoleTypes)[number];

export interface Post {
	cookie?: string;
	enhanced?: boolean;
	/** Files by field name, for multipart forms. */
	files?: Record<string, { name: string; type: string; data: Buffer }>;
	multipart?: boolean;
}

export function postForm(
	t: Target,
	action: string,
	entries: [string, string][],
	{ cookie = t.cookies.admin, enhanced = true, files, multipart: asMultipart }: Post = {}
): Promise<Answer> {
	const headers: Record<string, string> = {
		origin: t.origin,
		cookie,
		accept: enhanced ? 'application/json' : 'text/html',
		...(enhanced ? { 'x-sveltekit-action': 'true' } : {})
	};
	if (asMultipart || files) {
		const parts = entries
			.filter(([name]) => !files?.[name])
			.map(([name, value]) => ({ name, value }));
		for (const [name, file] of Object.entries(files ?? {})) {
			parts.push({ name, value: file.data, filename: file.name, type: file.type } as never);
		}
		const body = multipart(parts);
		return send(t.origin, {
			method: 'POST',
			path: action,
			headers: { ...headers, 'content-type': body.type },
			body: body.body
		});
	}
	return send(t.origin, {
		method: 'POST',
		path: action,
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: urlencoded(entries)
	});
}

/** What an enhanced form post answered: SvelteKit's ActionResult. */
export function actionResult(answer: Answer): { type?: string; location?: string; data?: string } {
	try {
		return JSON.parse(answer.text());
	} catch {
		return {};
	}
}

/** The id a create redirected to (`/admin/events/evt_x?saved=1`). */
export function createdId(answer: Answer): string | undefined {
	const location = actionResult(answer).location ?? String(answer.headers.location ?? '');
	return /\/admin\/\w+\/([\w-]+)/.exec(location)?.[1];
}

export async function liveIds(t: Target, type: ConsoleType, status?: string): Promise<string[]> {
	const rows = await t.db.all(
		`select id from ${type} where deleted_at is null${status ? ' and status = $1' : ''} order by id`,
		status ? [status] : []
	);
	return rows.map((r) => String(r.id));
}

export async function versionOf(t: Target, type: ConsoleType, id: string): Promise<number> {
	const [row] = await t.db.all(`select version from ${type} where id = $1`, [id]);
	return Number(row?.version ?? 0);
}

/** The save form of a record, as its edit page offers it. */
export async function saveForm(
	context: BrowserContext,
	type: ContentType,
	id: string
): Promise<Form> {
	const form = (await formsOn(context, `/admin/${type}/${id}`)).find((f) =>
		/\?\/save$/.test(f.action)
	);
	if (!form) throw new Error(`no save form on /admin/${type}/${id}`);
	return form;
}

/**
 * A new record made through the console's "new" form, from the fields of an existing record's
 * edit form with `values` replaced (a fresh slug at least). Answers the new id, or the refusal.
 */
export async function createFrom(
	t: Target,
	template: Form,
	type: ConsoleType,
	values: Record<string, string | undefined>
): Promise<{ id?: string; answer: Answer }> {
	const entries = withValues(template.entries, { version: undefined, ...values });
	const answer = await postForm(t, `/admin/${type}/new`, entries);
	return { id: createdId(answer), answer };
}

/**
 * A notice posted as an editor would (the sample programme has none), in force for a year from
 * yesterday so that a published one shows on every page.
 */
export async function postNotice(t: Target, status: 'draft' | 'published'): Promise<string> {
	const day = (offset: number) =>
		new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10) + 'T08:00';
	const answer = await postForm(
		t,
		'/admin/notices/new',
		[
			['slug', ''],
			['status', status],
			['severity', 'info'],
			['message.zh', `基准测试的${status === 'draft' ? '草稿' : ''}通知`],
			['message.en', `A ${status} notice for the bench`],
			['start', day(-1)],
			['end', day(364)],
			['scope', '']
		],
		{ cookie: t.cookies.editor, enhanced: false }
	);
	const id = createdId(answer);
	if (answer.status !== 303 || !id)
		throw new Error(`posting a ${status} notice answered ${answer.status}`);
	return id;
}
