import { error } from '@sveltejs/kit';
import type { Language } from '$lib/content/localized';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import type { ViewData, ViewName } from '$lib/content/views/registry';

type Fetch = typeof fetch;

/**
 * The one way pages get content. On the server (and while the first page hydrates) it asks the
 * views endpoint, whose answer SvelteKit inlines into the HTML; once the browser holds a synced
 * mirror, the offline layer answers from Dexie instead (see $lib/offline), with no network at all.
 */
export async function loadView<N extends ViewName>(
	fetch: Fetch,
	name: N,
	lang: Language,
	params: Record<string, string> = {}
): Promise<ViewData<N>> {
	try {
		const local = await localSource?.(name, lang, params);
		if (local !== undefined) return local as ViewData<N>;
	} catch (problem) {
		if (problem instanceof ViewNotFoundError) error(404, problem.message);
		if (problem instanceof ViewParameterError)
			error(400, `${problem.parameter}: ${problem.message}`);
		throw problem;
	}
	const query = new URLSearchParams({ lang, ...params });
	const response = await fetch(`/api/v1/views/${name}?${query}`);
	if (response.status === 404) error(404, (await response.json()).error?.message ?? 'Not found');
	if (!response.ok) error(response.status, `Could not load ${name}`);
	return response.json();
}

/** Set by the offline layer in the browser once its mirror is ready; undefined means "ask the server". */
export type LocalSource = (
	name: ViewName,
	lang: Language,
	params: Record<string, string>
) => Promise<unknown | undefined>;
let localSource: LocalSource | undefined;

export function useLocalSource(source: LocalSource | undefined): void {
	localSource = source;
}
