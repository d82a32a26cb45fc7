// Build step of svelte.config.js: puts the app's early door (src/lib/server/http/early-door.ts) in
// front of adapter-node's request handler, so the hottest answers (a feed 304) skip SvelteKit's
// conversion of every node:http request into a web Request. adapter-node has no option for a
// middleware of ours before its own, and its `build/index.js` imports the handler from a bundled
// chunk, so the one place that covers both `node build` and a custom server using
// `build/handler.js` (scripts/serve-e2e.js) is where that chunk declares the handler. The edit is
// one line; if adapter-node's output ever changes shape, the build stops here saying so.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const declaration = 'const handler = sequence(';

const door = `
// Added at build time by scripts/early-door.js: the app installs its early door when it starts.
const earlyDoorKey = Symbol.for('taibai.earlyDoor');
function earlyDoor(req, res, next) {
	const door = globalThis[earlyDoorKey];
	if (door === undefined || !door(req, res)) return next();
}
function withEarlyDoor(handlers) {
	return sequence([earlyDoor, ...handlers]);
}
`;

/**
 * Edits the built handler chunk under `buildDir`; throws when it cannot find exactly one.
 * @param {string} buildDir adapter-node's output directory
 * @returns {string} the file it edited
 */
export function addEarlyDoor(buildDir) {
	const chunks = join(buildDir, 'server', 'chunks');
	const found = readdirSync(chunks)
		.filter((name) => name.endsWith('.js'))
		.map((name) => ({ file: join(chunks, name), text: readFileSync(join(chunks, name), 'utf8') }))
		.filter(({ text }) => text.includes(declaration));
	if (found.length !== 1) {
		throw new Error(
			`scripts/early-door.js: expected one chunk declaring \`${declaration}\` in ${chunks}, found ${found.length} (has adapter-node's output changed?)`
		);
	}
	const [{ file, text }] = found;
	if (text.split(declaration).length !== 2 || !/\bfunction sequence\(handlers\)/.test(text)) {
		throw new Error(`scripts/early-door.js: ${file} is not shaped as expected`);
	}
	writeFileSync(file, text.replace(declaration, 'const handler = withEarlyDoor(') + door);
	return file;
}
