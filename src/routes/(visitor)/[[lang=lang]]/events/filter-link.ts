import { goto } from '$app/navigation';
import type { Language } from '$lib/content/localized';
import { localizedPath } from '$lib/i18n/paths';

export type FilterName = 'date' | 'category' | 'festival' | 'free' | 'now';
export type FilterChanges = Partial<Record<FilterName, string | undefined>>;

/**
 * The events URL with some filters changed, the rest kept: the URL is the state of the page, so a
 * filtered day is a link to share. Today is the default date and is left out of the URL.
 */
export function filterHref(
	url: URL,
	lang: Language,
	today: string,
	changes: FilterChanges
): string {
	const params = new URLSearchParams(url.searchParams);
	params.delete('lang');
	for (const [name, value] of Object.entries(changes)) {
		if (value && !(name === 'date' && value === today)) params.set(name, value);
		else params.delete(name);
	}
	const query = params.toString();
	return localizedPath('/events', lang) + (query ? `?${query}` : '');
}

/**
 * The URL of a filter navigation still loading: a second quick tap builds on it, not on the page
 * URL that the first tap has not replaced yet. Only ever set in the browser, by a tap.
 */
let pending: URL | undefined;

/** Filter changes replace the entry and keep focus and scroll, so the chip just tapped stays put. */
export async function applyFilter(href: string): Promise<void> {
	const target = new URL(href, location.href);
	pending = target;
	try {
		await goto(href, { keepFocus: true, noScroll: true, replaceState: true });
	} finally {
		if (pending === target) pending = undefined;
	}
}

/**
 * A plain click on a filter link goes through `applyFilter`, with its href built at the moment of
 * the tap; modified clicks open the rendered href as usual.
 */
export function onFilterClick(event: MouseEvent, href: () => string): void {
	if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
		return;
	event.preventDefault();
	applyFilter(href());
}
