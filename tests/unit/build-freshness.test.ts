import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildIsStale } from '../../scripts/build-freshness.js';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A project folder with a build made at `builtAt` and one file of `input` changed at `changedAt`. */
function project(input: string, builtAt: Date, changedAt: Date) {
	root = mkdtempSync(join(tmpdir(), 'freshness-'));
	mkdirSync(join(root, 'build'));
	mkdirSync(join(root, input), { recursive: true });
	const output = join(root, 'build/index.js');
	writeFileSync(output, '');
	utimesSync(output, builtAt, builtAt);
	const file = join(root, input, 'file.js');
	writeFileSync(file, '');
	utimesSync(file, changedAt, changedAt);
	utimesSync(join(root, input), changedAt, changedAt);
	return output;
}

const earlier = new Date('2026-12-01T00:00:00Z');
const later = new Date('2026-12-02T00:00:00Z');

describe('whether npm start must build first', () => {
	it.each(['src/lib', 'scripts'])(
		'builds again when a file under %s is newer than the build',
		(input) => {
			const output = project(input, earlier, later);
			expect(buildIsStale(root, output)).toBe(true);
		}
	);

	it('keeps a build newer than every input', () => {
		const output = project('scripts', later, earlier);
		expect(buildIsStale(root, output)).toBe(false);
	});

	it('builds when there is no build', () => {
		root = mkdtempSync(join(tmpdir(), 'freshness-'));
		expect(buildIsStale(root, join(root, 'build/index.js'))).toBe(true);
	});
});
