import { languages } from '$lib/content/localized';
import type { ContentData } from '$lib/content/snapshot';
import { htmlLang, localizedPath } from '$lib/i18n/paths';

/**
 * The sitemap (https://www.sitemaps.org/protocol.html) of every visitor page in both languages,
 * each URL listing its language alternates as Google documents for multilingual sites
 * (`xhtml:link rel="alternate" hreflang`, x-default pointing at the Chinese page).
 */

type Dated = { slug: string; updatedAt: string };
export type SitemapContent = Pick<ContentData, 'venues' | 'events' | 'festivals' | 'tours'>;

export interface SitemapPage {
	/** A path without language, e.g. `/venues/jining-museum`. */
	path: string;
	lastmod?: string;
}

/** W3C datetime, or nothing when the stored value is not a date. */
function w3cDate(value: string | undefined): string | undefined {
	if (!value) return undefined;
	const time = Date.parse(value);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function latest(records: { updatedAt: string }[]): string | undefined {
	return records
		.map((r) => w3cDate(r.updatedAt))
		.filter((d): d is string => !!d)
		.sort()
		.at(-1);
}

/** Every visitor page: lists, each record's page, and the map, search and info pages. */
export function sitemapPages(content: SitemapContent): SitemapPage[] {
	const all = [...content.venues, ...content.events, ...content.festivals, ...content.tours];
	const everything = latest(all);
	const each = (base: string, records: Dated[]): SitemapPage[] => [
		{ path: base, lastmod: latest(records) },
		...records.map((r) => ({ path: `${base}/${r.slug}`, lastmod: w3cDate(r.updatedAt) }))
	];
	return [
		{ path: '/', lastmod: everything },
		...each('/events', content.events),
		...each('/festivals', content.festivals),
		...each('/venues', content.venues),
		...each('/tours', content.tours),
		{ path: '/map', lastmod: latest([...content.venues, ...content.events]) },
		{ path: '/search', lastmod: everything },
		{ path: '/info', lastmod: latest(content.venues) }
	];
}

const escapeXml = (text: string) =>
	text.replace(
		/[<>&'"]/g,
		(c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c
	);

/** The sitemap XML for a site at `origin` (scheme and host, no trailing slash needed). */
export function sitemapXml(origin: string, content: SitemapContent): string {
	const base = origin.replace(/\/+$/, '');
	const url = (path: string) => escapeXml(base + path);
	const entries = sitemapPages(content).flatMap(({ path, lastmod }) => {
		const alternates = [
			...languages.map(
				(lang) =>
					`<xhtml:link rel="alternate" hreflang="${htmlLang(lang)}" href="${url(localizedPath(path, lang))}"/>`
			),
			`<xhtml:link rel="alternate" hreflang="x-default" href="${url(localizedPath(path, 'zh'))}"/>`
		];
		return languages.map((lang) =>
			[
				'<url>',
				`<loc>${url(localizedPath(path, lang))}</loc>`,
				...(lastmod ? [`<lastmod>${lastmod}</lastmod>`] : []),
				...alternates,
				'</url>'
			].join('')
		);
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
		...entries,
		'</urlset>',
		''
	].join('\n');
}

/** robots.txt: the editor console and the API are not for crawlers; the sitemap is. */
export function robotsTxt(origin: string): string {
	const base = origin.replace(/\/+$/, '');
	return [
		'User-agent: *',
		'Disallow: /admin',
		'Disallow: /api/',
		'',
		`Sitemap: ${base}/sitemap.xml`,
		''
	].join('\n');
}

/** The public origin from configuration, else the origin the request came to. */
export function siteOrigin(configured: string | undefined, requestOrigin: string): string {
	return (configured ?? requestOrigin).replace(/\/+$/, '');
}
