import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { addEarlyDoor } from '../../scripts/early-door.js';

/** adapter-node's handler chunk, cut down to the shape the build step edits. */
const chunk = `
function sequence(handlers) {
	return (req, res, next) => {
		const handle = (i) => (i < handlers.length ? handlers[i](req, res, () => handle(i + 1)) : next());
		return handle(0);
	};
}
const statics = (req, res, next) => (req.url === '/favicon.png' ? res.push('static') : next());
const ssr = (req, res) => res.push('sveltekit');
const handler = sequence(
	([statics, ssr].filter(Boolean))
);
export { handler as h };
`;

const doorKey = Symbol.for('taibai.earlyDoor');
const dirs: string[] = [];

function buildWith(text: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'taibai-door-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'server', 'chunks'), { recursive: true });
	writeFileSync(join(dir, 'server', 'chunks', 'handler-Ab12.js'), text);
	writeFileSync(join(dir, 'server', 'chunks', 'other-Cd34.js'), 'export const x = 1;\n');
	return dir;
}

afterEach(() => {
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	delete (globalThis as Record<symbol, unknown>)[doorKey];
});

describe('the build step that adds the early door', () => {
	it('puts the door before everything adapter-node serves, and lets through what it does not answer', async () => {
		const dir = buildWith(chunk);
		const file = addEarlyDoor(dir);
		expect(file).toBe(join(dir, 'server', 'chunks', 'handler-Ab12.js'));
		const { h: handler } = await import(pathToFileURL(file).href);
		const answer = (url: string) => {
			const sent: string[] = [];
			handler({ url }, { push: (what: string) => sent.push(what) }, () => sent.push('404'));
			return sent;
		};
		// Before the app opens the door (or under a server without one), nothing changes.
		expect(answer('/api/v1/content')).toEqual(['sveltekit']);
		(globalThis as Record<symbol, unknown>)[doorKey] = (
			req: { url: string },
			res: { push: (what: string) => void }
		) => req.url === '/api/v1/content' && (res.push('door'), true);
		expect(answer('/api/v1/content')).toEqual(['door']);
		expect(answer('/favicon.png')).toEqual(['static']);
		expect(answer('/venues')).toEqual(['sveltekit']);
	});

	it('stops the build when adapter-node’s output is not shaped as it expects', () => {
		expect(() => addEarlyDoor(buildWith('export const nothing = 1;\n'))).toThrow(/found 0/);
		const renamed = chunk.replace('function sequence(', 'function sequence$1(');
		expect(() => addEarlyDoor(buildWith(renamed))).toThrow(/not shaped as expected/);
		const twice = `${chunk}\nconst handler = sequence([]);\n`;
		const dir = buildWith(twice);
		expect(() => addEarlyDoor(dir)).toThrow(/not shaped as expected/);
		expect(readFileSync(join(dir, 'server', 'chunks', 'handler-Ab12.js'), 'utf8')).toBe(twice);
	});
});
