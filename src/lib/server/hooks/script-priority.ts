import type { Handle } from '@sveltejs/kit';

// SvelteKit's start-up script: `Promise.all([import(start), import(app)]).then(kit.start…)`.
const startImports = /Promise\.all\(\[(\s*import\("[^"]+"\),\s*import\("[^"]+"\)\s*)\]\)/;
const modulePreload = /<([^>]+)>;\s*rel="modulepreload"/g;

/** The start-up script, rewritten to wait for a painted frame and then preload `modules` at once. */
export function afterFirstPaint(html: string, modules: string[]): string {
	return html.replace(
		startImports,
		(_, imports: string) =>
			`new Promise((painted) => requestAnimationFrame(() => setTimeout(painted))).then(() => {` +
			`for (const href of ${JSON.stringify(modules)}) {` +
			`const link = document.createElement("link"); link.rel = "modulepreload"; link.href = href;` +
			` document.head.append(link);} return Promise.all([${imports}]);})`
	);
}

/**
 * Content first. A server-rendered page paints without its scripts; they only make it interactive.
 * SvelteKit announces them in a `Link: …; rel="modulepreload"` header, so on a weak signal they
 * download alongside the page and hold back its first paint. This hook moves them behind it: the
 * start-up script waits for a painted frame, then preloads every module at once (no request
 * waterfall) and starts the app. Responses without the start-up script are left as they are.
 */
export const scriptPriority: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const link = response.headers.get('link');
	const type = response.headers.get('content-type') ?? '';
	if (!link || !type.startsWith('text/html') || !response.body) return response;
	const html = await response.text();
	const headers = new Headers(response.headers);
	// The body changes length: let the server count it again.
	headers.delete('content-length');
	if (!startImports.test(html)) return new Response(html, { status: response.status, headers });
	const modules = [...link.matchAll(modulePreload)].map((match) => match[1]);
	const others = link
		.split(/,\s*(?=<)/)
		.filter((entry) => !/rel="modulepreload"/.test(entry))
		.join(', ');
	if (others) headers.set('link', others);
	else headers.delete('link');
	return new Response(afterFirstPaint(html, modules), { status: response.status, headers });
};
