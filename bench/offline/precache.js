// The service worker's precache as built: the `[{url, revision}]` list that @vite-pwa/sveltekit
// injects into build/client/service-worker.js in place of self.__WB_MANIFEST, sized per file.
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipBytes, root } from '../lib/app.js';

const clientDir = join(root, 'build', 'client');

/** Formats that are compressed already: the server sends them as they are, not gzipped. */
const sentAsIs = new Set(['.png', '.webp', '.jpg', '.jpeg', '.avif', '.woff2']);

/**
 * Finds the injected manifest: the first JSON array of objects with `url` and `revision` keys. The
 * worker is minified, so it is found by shape rather than by the variable name, and the array's end
 * by bracket matching (strings in it may hold brackets).
 */
export function parseManifest(source) {
	const start = source.search(/\[\{"(?:url|revision)":/);
	if (start < 0) throw new Error('No precache manifest found in service-worker.js');
	let depth = 0;
	let inString = false;
	for (let i = start; i < source.length; i += 1) {
		const char = source[i];
		if (inString) {
			if (char === '\\') i += 1;
			else if (char === '"') inString = false;
		} else if (char === '"') inString = true;
		else if (char === '[' || char === '{') depth += 1;
		else if (char === ']' || char === '}') {
			depth -= 1;
			if (depth === 0) return JSON.parse(source.slice(start, i + 1));
		}
	}
	throw new Error('The precache manifest in service-worker.js does not end');
}

/** Every precached file with its raw size and gzip size (as-is size for compressed formats). */
export async function precacheFiles() {
	const worker = await readFile(join(clientDir, 'service-worker.js'));
	const entries = parseManifest(worker.toString('utf8'));
	const files = [];
	for (const { url } of entries) {
		const path = url.replace(/^\//, '').split('?')[0];
		const body = await readFile(join(clientDir, path));
		const ext = extname(path).toLowerCase();
		const gzip = sentAsIs.has(ext) ? body.length : gzipBytes(body);
		files.push({ url, ext, raw: body.length, gzip });
	}
	return { files, worker: { raw: worker.length, gzip: gzipBytes(worker) } };
}

/** Sizes per file type, largest first. */
export function byType(files) {
	const groups = new Map();
	for (const file of files) {
		const group = groups.get(file.ext) ?? { ext: file.ext, files: 0, raw: 0, gzip: 0 };
		group.files += 1;
		group.raw += file.raw;
		group.gzip += file.gzip;
		groups.set(file.ext, group);
	}
	return [...groups.values()].sort((a, b) => b.gzip - a.gzip);
}
