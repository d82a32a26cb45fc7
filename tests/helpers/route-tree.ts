import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { isConsoleRoute } from '../../src/lib/server/auth/access';

const routesDir = join(import.meta.dirname, '../../src/routes');

/** A directory is a route when it holds a page (`+page…`) or an endpoint (`+server…`). */
const isRouteFile = (name: string) => /^\+(?:page|server)\b/.test(name);

/**
 * Every route id of the app, read from src/routes the way SvelteKit derives them: the folder path
 * from `routes`, groups like `(visitor)` included.
 */
export function routeIds(dir = routesDir, id = ''): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => e.isFile() && isRouteFile(e.name)) ? [id || '/'] : [];
	return [
		...here,
		...entries
			.filter((e) => e.isDirectory())
			.flatMap((e) => routeIds(join(dir, e.name), `${id}/${e.name}`))
	];
}

/** The route ids of the editor console (the ones the access table must name). */
export function consoleRouteIds(): string[] {
	return routeIds().filter(isConsoleRoute);
}
