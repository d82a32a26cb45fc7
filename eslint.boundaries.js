// The layers' boundaries (docs/architecture.md, "Rules the linter enforces"). Each file group gets
// the whole list of what it may not import: in a flat config the last matching setting of a rule
// replaces the earlier ones rather than adding to them.

/** @typedef {{ group?: string[], regex?: string, message: string }} Pattern */

const restrict = {
	dexie: {
		paths: [{ name: 'dexie', message: 'Only src/lib/offline/db.ts imports Dexie.' }],
		syntax: [
			{
				selector: "ImportExpression[source.value='dexie']",
				message: 'Only src/lib/offline/db.ts imports Dexie.'
			}
		]
	},
	offlineInternals: {
		patterns: [
			{
				group: ['$lib/offline/*'],
				message: "Use the facade: import from '$lib/offline' (src/lib/offline/index.ts)."
			}
		],
		syntax: [
			{
				selector: 'ImportExpression[source.value=/^\\$lib\\/offline\\//]',
				message: "Use the facade: import from '$lib/offline' (src/lib/offline/index.ts)."
			}
		]
	},
	offline: {
		paths: [{ name: '$lib/offline', message: 'The phone’s database is for browser code only.' }],
		patterns: [
			{ group: ['$lib/offline/*'], message: 'The phone’s database is for browser code only.' }
		],
		syntax: [
			{
				selector: 'ImportExpression[source.value=/^\\$lib\\/offline(\\/|$)/]',
				message: 'The phone’s database is for browser code only.'
			}
		]
	},
	server: {
		paths: [{ name: '$lib/server', message: 'Client code imports nothing from $lib/server.' }],
		patterns: [
			{
				group: ['$lib/server/*'],
				message:
					'Client code imports nothing from $lib/server, not even types: shared types live in $lib/admin or $lib/content.'
			},
			{
				regex: '^\\.{1,2}/(.*/)?server(/|$)',
				message: 'Client code imports nothing from $lib/server.'
			}
		],
		syntax: [
			{
				selector: 'ImportExpression[source.value=/^\\$lib\\/server(\\/|$)/]',
				message: 'Client code imports nothing from $lib/server.'
			}
		]
	},
	zod: {
		paths: [
			{
				name: 'zod',
				message:
					"Import z from '$lib/content/zod': it turns off zod's eval probe, which the Content-Security-Policy reports."
			}
		],
		patterns: [
			{
				group: ['zod/*'],
				message:
					"Import z from '$lib/content/zod': one build of zod (the mini one) for the browser, with its English messages and without its eval probe."
			}
		],
		syntax: []
	},
	framework: {
		patterns: [
			{
				group: ['svelte', 'svelte/*', '$app/*', '@sveltejs/*', '$lib/components/*', '*.svelte'],
				message: 'Pure code (content, planner) imports no Svelte or SvelteKit.'
			},
			{
				group: ['$lib/paraglide/*', '$lib/i18n/*', '$lib/map/*', '$lib/admin/*'],
				message: 'Pure code (content, planner) imports only pure modules and libraries.'
			}
		],
		syntax: []
	}
};

/** The browser's page globals, which pure code (run on the server and in workers too) never uses. */
const domGlobals = [
	'window',
	'document',
	'navigator',
	'location',
	'history',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'caches',
	'Worker',
	'HTMLElement',
	'Element',
	'requestAnimationFrame',
	'requestIdleCallback',
	'matchMedia'
].map((name) => ({ name, message: 'Pure code (content, planner) does not touch the DOM.' }));

/** One file group's rules: everything in `sets` is forbidden. */
function forbid(files, sets, { ignores = [], extra = {} } = {}) {
	return {
		files,
		ignores,
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: sets.flatMap((set) => set.paths ?? []),
					patterns: sets.flatMap((set) => set.patterns ?? [])
				}
			],
			'no-restricted-syntax': ['error', ...sets.flatMap((set) => set.syntax)],
			...extra
		}
	};
}

const source = ['src/**/*.{ts,js,svelte}'];
const serverCode = [
	'src/lib/server/**',
	'src/**/*.server.ts',
	'src/**/+server.ts',
	'src/hooks.server.ts'
];
const offlineLayer = ['src/lib/offline/**'];
const pure = ['src/lib/content/**', 'src/lib/planner/**'];
const { dexie, offlineInternals, offline, server, zod, framework } = restrict;

export const boundaries = [
	// Pages, components and the rest of the browser's code: the facade only, no server.
	forbid(source, [dexie, offlineInternals, server, zod], {
		ignores: [...serverCode, ...offlineLayer, ...pure]
	}),
	// Server code never reaches the phone's database.
	forbid(serverCode, [dexie, offline]),
	// Inside the offline layer only db.ts imports Dexie.
	forbid(offlineLayer, [dexie, server, zod], { ignores: ['src/lib/offline/db.ts'] }),
	forbid(['src/lib/offline/db.ts'], [server, zod]),
	// Pure code: no Svelte, no DOM, no Dexie, no server.
	forbid(pure, [dexie, offline, server, zod, framework], {
		ignores: ['src/lib/content/zod.ts'],
		extra: { 'no-restricted-globals': ['error', ...domGlobals] }
	})
];
