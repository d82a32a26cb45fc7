import { tileLayers, type MapSettings } from '$lib/content/map-settings';

/**
 * The Content-Security-Policy, in two halves. SvelteKit writes the half it must know to render a
 * page (`kit.csp` in svelte.config.js): `script-src` with a fresh nonce for every server-rendered
 * page, or hashes for the prerendered offline shell, and the directives that never change. This
 * module adds the half that depends on how this server is run and which route answered:
 * `default-src`, the map's tile servers in `img-src` and `connect-src` (TILE_* is run-time
 * configuration, so it cannot be in the build), and `frame-ancestors` (which a `<meta>` policy may
 * not carry). Keeping these out of `kit.csp` also keeps them out of the shell's `<meta>` policy,
 * where a build-time `default-src` would block the configured tiles.
 */
export type Framing = 'none' | 'self';

type Directives = Map<string, string[]>;

function parse(header: string): Directives {
	const directives: Directives = new Map();
	for (const part of header.split(';')) {
		const [name, ...sources] = part.trim().split(/\s+/);
		if (name) directives.set(name.toLowerCase(), sources);
	}
	return directives;
}

const serialize = (directives: Directives) =>
	[...directives].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');

/**
 * The origins map tiles come from, every subdomain spelled out (Tianditu's t0–t7, Leaflet's
 * default a–c for a `{s}` template), in the order the layers list them. A relative template is
 * the app's own server, which `'self'` already covers.
 */
export function tileOrigins(settings: MapSettings): string[] {
	const origins = new Set<string>();
	for (const lang of ['zh', 'en'] as const) {
		for (const layer of tileLayers(settings, lang)) {
			const hosts = layer.url.includes('{s}')
				? [...(layer.subdomains ?? 'abc')].map((s) => layer.url.replace('{s}', s))
				: [layer.url];
			for (const url of hosts) {
				const origin = originOf(url);
				if (origin) origins.add(origin);
			}
		}
	}
	return [...origins];
}

function originOf(template: string): string | undefined {
	try {
		const url = new URL(template, 'http://self.invalid');
		if (url.origin === 'http://self.invalid') return undefined;
		// A placeholder left in the host would make a source no browser matches: refuse it loudly.
		if (/[{}]/.test(url.host)) throw new Error(`tile host has a placeholder: ${template}`);
		return url.origin;
	} catch (error) {
		if (error instanceof TypeError) return undefined;
		throw error;
	}
}

export interface PolicyContext {
	tiles: string[];
	framing: Framing;
}

/**
 * Completes the policy SvelteKit (or the offline shell's route) wrote for a page. Images may be
 * the app's own, `data:` (small icons that the build inlines into stylesheets) and tiles;
 * connections go to the app and, for the offline map download, to the tile servers.
 */
export function completePolicy(header: string, { tiles, framing }: PolicyContext): string {
	const self = ["'self'"];
	// default-src first, as people read a policy.
	const directives: Directives = new Map([['default-src', self]]);
	for (const [name, sources] of parse(header)) directives.set(name, sources);
	directives.set('default-src', self);
	directives.set('img-src', [...self, 'data:', ...tiles]);
	directives.set('connect-src', [...self, ...tiles]);
	directives.set('frame-ancestors', [framing === 'self' ? "'self'" : "'none'"]);
	return serialize(directives);
}

/**
 * Responses that are not the app's pages (the feed, photos, calendars, JSON errors, the plain
 * error and refusal pages) load nothing and run nothing, so their policy allows nothing but the
 * inline styling of the plain pages.
 */
export function lockedPolicy(framing: Framing = 'none'): string {
	return [
		"default-src 'none'",
		"style-src 'unsafe-inline'",
		"base-uri 'none'",
		"form-action 'none'",
		`frame-ancestors ${framing === 'self' ? "'self'" : "'none'"}`
	].join('; ');
}

/**
 * Which routes another page may frame: the console's previews (same origin only), so the console
 * can show a draft beside its form. Decided by the route that answered, like every access decision.
 */
export function framingFor(routeId: string | null): Framing {
	return routeId?.startsWith('/admin/preview/') ? 'self' : 'none';
}
