import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Someone with only this repository must be able to follow every pointer in it.
const root = resolve(import.meta.dirname, '../..');
const skipped = new Set(['node_modules', 'build', '.svelte-kit', 'test-results', 'data', '.git']);
// What the benches write where they run (ignored by git, never part of the project).
const generated = new Set(['bench/results', 'bench/.lighthouse', 'playwright-report']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		if (skipped.has(name) || name === 'paraglide') return [];
		const path = join(dir, name);
		if (generated.has(relative(root, path))) return [];
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

const text = files(root).filter((f) => /\.(md|ts|js|svelte|json|yml|sh)$/.test(f));

describe('the project', () => {
	it('links only to files inside it from its documents', () => {
		const outside: string[] = [];
		for (const file of text.filter((f) => f.endsWith('.md'))) {
			for (const [, target] of readFileSync(file, 'utf8').matchAll(/\]\(([^)#\s]+)[^)]*\)/g)) {
				if (/^[a-z]+:/i.test(target)) continue;
				const path = resolve(dirname(file), target);
				if (relative(root, path).startsWith('..') || !existsSync(path)) {
					outside.push(`${relative(root, file)} → ${target}`);
				}
			}
		}
		expect(outside).toEqual([]);
	});

	it('names no file of the workspace around it in code or comments', () => {
		const pointers = text.flatMap((file) =>
			/\.\.\/shared\/|\/work\//.test(readFileSync(file, 'utf8')) ? [relative(root, file)] : []
		);
		expect(pointers).toEqual([]);
	});
});
