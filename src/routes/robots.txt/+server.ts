import { config } from '$lib/server/config';
import { robotsTxt, siteOrigin } from '$lib/server/seo/sitemap';
import type { RequestHandler } from './$types';

/** Served rather than static: the Sitemap line must be an absolute URL on this site's origin. */
export const GET: RequestHandler = ({ url }) =>
	new Response(robotsTxt(siteOrigin(config().PUBLIC_ORIGIN, url.origin)), {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'cache-control': 'public, max-age=3600'
		}
	});
