import { json } from '@sveltejs/kit';
import { languages, type Language } from '$lib/content/localized';
import type { Snapshot } from '$lib/content/snapshot';
import { instantToShanghai } from '$lib/content/time';
import { localDateTime } from '$lib/content/schemas/primitives';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import { isViewName, views } from '$lib/content/views/registry';
import { badParameter } from '../http/errors';

/** Runs a named view for `?lang=&now=&…params`; `now` is only for tests and previews of a moment. */
export function runView(snap: Snapshot, name: string, url: URL): Response {
	if (!isViewName(name)) {
		return json({ error: { status: 404, message: `No view named ${name}` } }, { status: 404 });
	}
	const params = Object.fromEntries(url.searchParams);
	const { lang = 'zh', now, ...rest } = params;
	if (!languages.includes(lang as Language)) return badParameter('lang', 'must be zh or en');
	if (now !== undefined && !localDateTime.safeParse(now).success) {
		return badParameter('now', 'must be a date and time as YYYY-MM-DDTHH:mm');
	}
	try {
		const data = views[name](snap, rest, {
			lang: lang as Language,
			now: now ?? instantToShanghai(new Date())
		});
		return json(data, {
			headers: { 'cache-control': 'no-store', 'x-content-revision': String(snap.revision) }
		});
	} catch (error) {
		if (error instanceof ViewParameterError) return badParameter(error.parameter, error.message);
		if (error instanceof ViewNotFoundError) {
			return json({ error: { status: 404, message: error.message } }, { status: 404 });
		}
		throw error;
	}
}
