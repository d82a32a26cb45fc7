// Which built client files the service worker does not precache, because no visitor's phone runs
// them from it:
// - the editor console's: the console is online-only (the worker never serves it), and every
//   visitor would otherwise download its forms and importers for nothing;
// - the in-page stand-in for the mirror's worker ($lib/offline/ops.ts, imported by the page only
//   where the browser has no Worker): a browser without workers has no service worker either (a
//   service worker is a worker), so the precache is never read where that code runs. It is about
//   40 KB gzip: the mirror's database code twice, once in the worker and once for the page.
// Read from Vite's build manifest after the client build; a route node belongs to the console when
// its generated module imports src/routes/admin.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ file: string, isEntry?: boolean, imports?: string[], dynamicImports?: string[], css?: string[] }} Chunk
 * @typedef {Record<string, Chunk>} ViteManifest
 */

/** The page's import of the in-page stand-in for the mirror's worker (see above). */
const workerlessFallback = 'src/lib/offline/ops.ts';

/**
 * Files (relative to the client output) reachable from console routes or the workerless fallback,
 * and from nothing else.
 */
export function notPrecachedFiles(outputDir = '.svelte-kit/output/client') {
	const manifestPath = join(outputDir, '.vite/manifest.json');
	if (!existsSync(manifestPath)) return new Set();
	return notPrecachedIn(
		JSON.parse(readFileSync(manifestPath, 'utf8')),
		(/** @type {string} */ key) => (existsSync(key) ? readFileSync(key, 'utf8') : '')
	);
}

/**
 * The same, from a Vite manifest and a way to read a route node's generated source (a console node
 * imports a file under src/routes/admin/).
 * @param {ViteManifest} manifest
 * @param {(key: string) => string} nodeSource
 * @returns {Set<string>}
 */
export function notPrecachedIn(manifest, nodeSource) {
	const isNode = (/** @type {string} */ key) => key.includes('/nodes/');
	/** @type {(key: string, seen: Set<string>) => void} */
	const reach = (key, seen) => {
		if (seen.has(key) || !manifest[key]) return;
		seen.add(key);
		const chunk = manifest[key];
		for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) {
			// The router lazily imports every route: that edge says nothing about who uses a file.
			if (isNode(next) && !isNode(key)) continue;
			// Only browsers that never read the precache follow this edge (see above).
			if (next === workerlessFallback) continue;
			reach(next, seen);
		}
	};
	/** @type {Set<string>} */
	const skipped = new Set();
	/** @type {Set<string>} */
	const visitor = new Set();
	for (const key of Object.keys(manifest)) {
		if (isNode(key)) {
			reach(key, nodeSource(key).includes('src/routes/admin/') ? skipped : visitor);
		} else if (manifest[key].isEntry) {
			reach(key, visitor);
		}
	}
	reach(workerlessFallback, skipped);
	const visitorFiles = new Set(
		[...visitor].flatMap((key) => [manifest[key].file, ...(manifest[key].css ?? [])])
	);
	/** @type {Set<string>} */
	const files = new Set();
	for (const key of skipped) {
		for (const file of [manifest[key].file, ...(manifest[key].css ?? [])]) {
			if (!visitorFiles.has(file)) files.add(file);
		}
	}
	return files;
}

/**
 * The precache manifest transform: client paths as the browser asks for them (what
 * @vite-pwa/sveltekit's own transform does for an app without prerendered pages, which a custom
 * transform replaces), without the console's files.
 */
/** @param {{ url: string, revision: string | null, size: number }[]} entries */
export async function visitorPrecache(entries) {
	const notPrecached = notPrecachedFiles();
	const manifest = entries
		.map((entry) => ({ ...entry, url: entry.url.replace(/^client\//, '') }))
		.filter((entry) => !notPrecached.has(entry.url));
	writeVisitorCode(manifest.map((entry) => entry.url));
	return { manifest, warnings: [] };
}

/**
 * The same visitor code as a list the page can read, for browsers without a service worker
 * (in-app browsers on iPhone): $lib/platform/preload-pages.ts fetches it ahead, so links keep
 * working offline while the page stays open. Written into the client output before the adapter
 * copies it, served at /_app/visitor-code.json.
 * @param {string[]} urls
 */
function writeVisitorCode(urls, outputDir = '.svelte-kit/output/client') {
	const code = urls.filter((url) => url.startsWith('_app/immutable/') && /\.(?:js|css)$/.test(url));
	// The folder exists in a build; made here too so the unit test of this step runs before any build.
	mkdirSync(join(outputDir, '_app'), { recursive: true });
	writeFileSync(join(outputDir, '_app/visitor-code.json'), JSON.stringify(code));
}
