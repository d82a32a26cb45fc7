import { getStore } from '$lib/server/app';
import { config } from '$lib/server/config';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { siteOrigin, sitemapXml } from '$lib/server/seo/sitemap';
import type { RequestHandler } from './$types';

/** Every visitor page in both languages, from the published content of the current revision. */
export const GET: RequestHandler = async ({ url }) => {
	const snap = await serverSnapshot(getStore());
	return new Response(sitemapXml(siteOrigin(config().PUBLIC_ORIGIN, url.origin), snap), {
		headers: {
			'content-type': 'application/xml; charset=utf-8',
			'cache-control': 'public, max-age=300',
			'x-content-revision': String(snap.revision)
		}
	});
};
