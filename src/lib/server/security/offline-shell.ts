import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Written by the adapter (svelte.config.js) beside the built server, outside the static files. */
const fileName = 'offline-shell.html';

interface Shell {
	html: string;
	etag: string;
	/** The policy SvelteKit rendered into the shell's <meta>: script hashes, fixed directives. */
	policy: string;
}

let shell: Shell | null | undefined;

/** The built server lives in build/server/…; the shell in build/. Found once, read once. */
function findShell(): string | undefined {
	let dir = dirname(fileURLToPath(import.meta.url));
	for (let depth = 0; depth < 6; depth++) {
		if (existsSync(join(dir, fileName))) return join(dir, fileName);
		dir = dirname(dir);
	}
	const beside = join(process.cwd(), 'build', fileName);
	return existsSync(beside) ? beside : undefined;
}

const metaPolicy = /<meta http-equiv="content-security-policy" content="([^"]*)">/i;

const unescapeHtml = (text: string) =>
	text.replace(/&(#39|quot|amp|lt|gt);/g, (_, name: string) =>
		name === '#39' ? "'" : name === 'quot' ? '"' : name === 'amp' ? '&' : name === 'lt' ? '<' : '>'
	);

function load(): Shell | null {
	const file = findShell();
	if (!file) return null;
	const html = readFileSync(file, 'utf8');
	const policy = metaPolicy.exec(html)?.[1];
	// Without its hashes the shell's start-up script could not run under the page policy.
	if (!policy) throw new Error(`${file} has no Content-Security-Policy <meta>: check kit.csp`);
	const etag = `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"`;
	return { html, etag, policy: unescapeHtml(policy) };
}

/**
 * The offline shell as the service worker precaches it: the same document every time, revalidated
 * by its ETag, with the hashes of its inline start-up script as its header policy (which the
 * security-headers hook completes like every page's). 404 where nothing was built (`vite dev`).
 */
export function offlineShellResponse(ifNoneMatch: string | null): Response {
	if (shell === undefined) shell = load();
	if (!shell) return new Response('No offline shell in this build', { status: 404 });
	const headers = {
		etag: shell.etag,
		'cache-control': 'no-cache',
		'content-security-policy': shell.policy
	};
	if (ifNoneMatch === shell.etag) return new Response(null, { status: 304, headers });
	return new Response(shell.html, {
		headers: { ...headers, 'content-type': 'text/html; charset=utf-8' }
	});
}
