// Whether `npm start` must build first: no build yet, or a source newer than the build.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// scripts/ holds the build's own plugins (vite.config.ts imports them) beside the run commands.
const inputs = [
	'src',
	'static',
	'messages',
	'scripts',
	'package.json',
	'svelte.config.js',
	'vite.config.ts'
];

/**
 * @param {string} path
 * @returns {number} the newest modification time under path
 */
function newest(path) {
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** @param {string} root the project folder  @param {string} output the build's entry file */
export function buildIsStale(root, output) {
	if (!existsSync(output)) return true;
	const built = statSync(output).mtimeMs;
	return inputs.some((input) => existsSync(join(root, input)) && newest(join(root, input)) > built);
}
