import { json } from '@sveltejs/kit';

/** API errors are JSON that names what was wrong, so a client can show or log it precisely. */
export function badParameter(parameter: string, message: string): Response {
	return json({ error: { status: 400, parameter, message } }, { status: 400 });
}

export function apiNotFound(path: string): Response {
	return json({ error: { status: 404, message: `No API endpoint at ${path}` } }, { status: 404 });
}

/** Rejects query parameters the endpoint does not know, naming the first one. */
export function unknownParameter(url: URL, allowed: readonly string[]): Response | undefined {
	for (const name of url.searchParams.keys()) {
		if (!allowed.includes(name)) return badParameter(name, 'is not a parameter of this endpoint');
	}
	return undefined;
}
