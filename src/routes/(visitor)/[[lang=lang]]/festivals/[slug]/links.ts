import type { Language } from '$lib/content/localized';
import { localizedPath } from '$lib/i18n/paths';

export type ProgrammeMode = 'grid' | 'list';

export function modeOf(url: URL): ProgrammeMode {
	return url.searchParams.get('view') === 'list' ? 'list' : 'grid';
}

/** A link to one day of a festival in one display mode; both live in the URL so they can be shared. */
export function programmeHref(
	slug: string,
	lang: Language,
	{ day, mode }: { day?: string; mode: ProgrammeMode }
): string {
	const query = new URLSearchParams();
	if (day) query.set('day', day);
	query.set('view', mode);
	return `${localizedPath(`/festivals/${slug}`, lang)}?${query}`;
}
