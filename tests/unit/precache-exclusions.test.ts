import { describe, expect, it } from 'vitest';
import { notPrecachedIn, visitorPrecache } from '../../scripts/precache-exclusions.js';

// A miniature of Vite's build manifest: the router (app.js) lazily imports two route nodes, a
// visitor page and a console page, which share the Svelte runtime; the runtime can load the
// mirror's code into the page where there are no workers.
const manifest = {
	'app.js': {
		file: '_app/immutable/entry/app.js',
		isEntry: true,
		imports: ['_runtime.js'],
		dynamicImports: [
			'.svelte-kit/generated/client-optimized/nodes/1.js',
			'.svelte-kit/generated/client-optimized/nodes/2.js'
		]
	},
	'.svelte-kit/generated/client-optimized/nodes/1.js': {
		file: '_app/immutable/nodes/1.js',
		imports: ['_runtime.js', '_cards.js']
	},
	'.svelte-kit/generated/client-optimized/nodes/2.js': {
		file: '_app/immutable/nodes/2.js',
		imports: ['_runtime.js', '_forms.js'],
		dynamicImports: ['_importer.js'],
		css: ['_app/immutable/assets/2.css']
	},
	'_runtime.js': {
		file: '_app/immutable/chunks/runtime.js',
		dynamicImports: ['src/lib/offline/ops.ts']
	},
	// The in-page stand-in for the mirror's worker, and what only it uses.
	'src/lib/offline/ops.ts': {
		file: '_app/immutable/chunks/ops.js',
		imports: ['_runtime.js', '_dexie.js', '_cards.js']
	},
	'_dexie.js': { file: '_app/immutable/chunks/dexie.js' },
	'_cards.js': { file: '_app/immutable/chunks/cards.js' },
	'_forms.js': { file: '_app/immutable/chunks/forms.js' },
	'_importer.js': { file: '_app/immutable/chunks/importer.js' }
};
const sources: Record<string, string> = {
	'.svelte-kit/generated/client-optimized/nodes/1.js':
		'import "../../src/routes/(visitor)/[[lang=lang]]/+page.svelte"',
	'.svelte-kit/generated/client-optimized/nodes/2.js':
		'import "../../src/routes/admin/events/+page.svelte"'
};

describe('the visitors’ precache', () => {
	it('leaves out files only the editor console or the workerless fallback uses, and keeps what visitors share with them', () => {
		const files = notPrecachedIn(manifest, (key: string) => sources[key] ?? '');
		expect([...files].sort()).toEqual([
			'_app/immutable/assets/2.css',
			'_app/immutable/chunks/dexie.js',
			'_app/immutable/chunks/forms.js',
			'_app/immutable/chunks/importer.js',
			'_app/immutable/chunks/ops.js',
			'_app/immutable/nodes/2.js'
		]);
	});

	it('lists client files by the path the browser asks for', async () => {
		const { manifest: entries } = await visitorPrecache([
			{ url: 'client/favicon.svg', revision: '1', size: 1 },
			{ url: '/shell.html', revision: '2', size: 0 }
		]);
		expect(entries.map((entry: { url: string }) => entry.url)).toEqual([
			'favicon.svg',
			'/shell.html'
		]);
	});
});
