import { apiNotFound } from '$lib/server/http/errors';
import type { RequestHandler } from './$types';

/** Any API path without an endpoint answers JSON, not the HTML error page. */
export const fallback: RequestHandler = ({ url }) => apiNotFound(url.pathname);
