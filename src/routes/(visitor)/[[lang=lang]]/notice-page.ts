import type { ScopedPage } from '$lib/content/notices';

const pages: Record<string, ScopedPage> = {
	venues: 'venue',
	events: 'event',
	festivals: 'festival',
	tours: 'tour'
};

/** The notices view's parameters for a visitor route: which record's page this is, if any. */
export function noticePage(
	routeId: string | null,
	params: Record<string, string | undefined>
): Record<string, string> {
	const match = /\/(venues|events|festivals|tours)\/\[slug\]$/.exec(routeId ?? '');
	return match && params.slug ? { page: pages[match[1]], slug: params.slug } : {};
}
