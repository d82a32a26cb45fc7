// The code every visitor page runs, in two chunks instead of dozens:
// - `shell`: the root and visitor layouts and everything they import statically (Svelte's and
//   SvelteKit's runtimes, the header, the bottom navigation, the offline badge, the language
//   helpers), plus what the offline layer shares with pages (its facade, small helpers);
// - `offline`: the offline layer each page starts once the browser is idle (src/lib/offline/boot.ts
//   and its static imports: the service worker's registration, the mirror's client), so that no
//   page loads it to hydrate.
// Left to itself the bundler splits that code by which of the 40-odd route files share each module,
// into about 30 chunks of a few hundred bytes: a phone on a weak signal then makes dozens of
// requests, and each small file compresses worse than one large one. Grouped, the home page makes
// 20 fewer requests and downloads 4.8 KB less (gzip) on a first visit.

/** The layouts every visitor page is built on: the root one (all pages) and the visitor one. */
const isLayout = (/** @type {string} */ id) =>
	/[\\/]src[\\/]routes[\\/](\(visitor\)[\\/]\[\[lang=lang\]\][\\/])?\+layout\.svelte$/.test(id);

const isOfflineBoot = (/** @type {string} */ id) =>
	/[\\/]src[\\/]lib[\\/]offline[\\/]boot\.ts$/.test(id);

/** A route's browser code: pages, layouts and their universal load files. */
const isRoute = (/** @type {string} */ id) =>
	/[\\/]src[\\/]routes[\\/](.*[\\/])?\+(page|layout)\.(svelte|ts|js)$/.test(id);

/**
 * Paraglide's `messages` module re-exports every UI string, so the layouts import all of them on
 * paper; the bundler keeps only the strings each chunk uses. Grouping them would put every string
 * into the shell, so they stay where the bundler puts them.
 */
const isMessage = (/** @type {string} */ id) => /[\\/]paraglide[\\/]messages[\\/]/.test(id);

/**
 * @typedef {{ getModuleIds(): Iterable<string>, getModuleInfo(id: string): { importedIds: readonly string[] } | null }} GraphContext
 */

/** The plugin that reads the module graph, and the code-splitting groups it fills. */
export function startupChunks() {
	// Filled for the bundle being built; workers and the service worker have no layouts: empty.
	const shell = new Set();
	const offline = new Set();
	return {
		plugin: {
			name: 'taibai:startup-chunks',
			apply: /** @type {const} */ ('build'),
			/** @this {GraphContext} */
			buildEnd() {
				const ids = [...this.getModuleIds()];
				/** Every module reached by static imports from the modules `start` picks. */
				const reach = (/** @type {(id: string) => boolean} */ start) => {
					const seen = new Set();
					const visit = (/** @type {string} */ id) => {
						if (seen.has(id) || isMessage(id)) return;
						const info = this.getModuleInfo(id);
						if (!info) return;
						seen.add(id);
						info.importedIds.forEach(visit);
					};
					ids.filter(start).forEach(visit);
					return seen;
				};
				const routes = reach(isRoute);
				shell.clear();
				offline.clear();
				for (const id of reach(isLayout)) shell.add(id);
				for (const id of reach(isOfflineBoot)) (routes.has(id) ? shell : offline).add(id);
			}
		},
		// The shell comes first: a module in both goes to it.
		groups: [
			{ name: 'shell', test: (/** @type {string} */ id) => shell.has(id) },
			{ name: 'offline', test: (/** @type {string} */ id) => offline.has(id) }
		]
	};
}
