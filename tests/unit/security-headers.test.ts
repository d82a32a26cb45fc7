import { describe, expect, it } from 'vitest';
import { cookieSecurity } from '$lib/server/auth/cookie';
import { secureResponse } from '$lib/server/hooks/security-headers';
import {
	completePolicy,
	framingFor,
	lockedPolicy,
	tileOrigins
} from '$lib/server/security/content-policy';
import type { MapSettings } from '$lib/content/map-settings';

const osm: MapSettings = { source: 'osm', attribution: 'OSM', bulkDownload: false };

/** A policy split into its directives, for assertions that do not depend on order. */
function directives(policy: string): Record<string, string[]> {
	return Object.fromEntries(
		policy.split(';').map((part) => {
			const [name, ...sources] = part.trim().split(/\s+/);
			return [name, sources];
		})
	);
}

// What SvelteKit writes for a server-rendered page with kit.csp from svelte.config.js.
const kitPolicy =
	"worker-src 'self'; object-src 'none'; script-src 'self' 'nonce-abc123'; " +
	"style-src 'self' 'unsafe-inline'; base-uri 'none'; form-action 'self'";

describe('the tile servers a page may load from', () => {
	it('are OpenStreetMap’s tile host by default', () => {
		expect(tileOrigins(osm)).toEqual(['https://tile.openstreetmap.org']);
	});

	it('are every Tianditu subdomain the map and its labels use, t0 to t7', () => {
		const origins = tileOrigins({ ...osm, source: 'tianditu', tiandituKey: 'k' });
		expect(origins).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((n) => `https://t${n}.tianditu.gov.cn`));
	});

	it('are an operator’s own host, with Leaflet’s a–c for a {s} template', () => {
		expect(
			tileOrigins({ ...osm, source: 'xyz', template: 'https://tiles.lake.example/{z}/{x}/{y}.png' })
		).toEqual(['https://tiles.lake.example']);
		expect(
			tileOrigins({ ...osm, source: 'xyz', template: 'http://{s}.tiles.example:8080/{z}/{x}/{y}' })
		).toEqual([
			'http://a.tiles.example:8080',
			'http://b.tiles.example:8080',
			'http://c.tiles.example:8080'
		]);
	});

	it('add nothing when the tiles come from the app itself', () => {
		expect(tileOrigins({ ...osm, source: 'xyz', template: '/tiles/{z}/{x}/{y}.png' })).toEqual([]);
	});
});

describe('a page’s Content-Security-Policy', () => {
	const tiles = ['https://tile.openstreetmap.org'];

	it('keeps SvelteKit’s nonce and adds the app, the tiles and no framing', () => {
		const policy = directives(completePolicy(kitPolicy, { tiles, framing: 'none' }));
		expect(policy['script-src']).toEqual(["'self'", "'nonce-abc123'"]);
		expect(policy['default-src']).toEqual(["'self'"]);
		expect(policy['img-src']).toEqual(["'self'", 'data:', 'https://tile.openstreetmap.org']);
		expect(policy['connect-src']).toEqual(["'self'", 'https://tile.openstreetmap.org']);
		expect(policy['object-src']).toEqual(["'none'"]);
		expect(policy['base-uri']).toEqual(["'none'"]);
		expect(policy['frame-ancestors']).toEqual(["'none'"]);
	});

	it('never lets a script run inline or through eval', () => {
		const policy = completePolicy(kitPolicy, { tiles, framing: 'none' });
		const scripts = directives(policy)['script-src'].join(' ');
		expect(scripts).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
	});

	it('lets only the app frame a console preview', () => {
		expect(framingFor('/admin/preview/events/[id]')).toBe('self');
		expect(framingFor('/admin/events/[id]')).toBe('none');
		expect(framingFor('/(visitor)/[[lang=lang]]/events/[slug]')).toBe('none');
		expect(framingFor(null)).toBe('none');
		const policy = directives(completePolicy(kitPolicy, { tiles, framing: 'self' }));
		expect(policy['frame-ancestors']).toEqual(["'self'"]);
	});

	it('replaces whatever an earlier policy said about images, connections and framing', () => {
		const policy = directives(
			completePolicy("img-src *; connect-src *; frame-ancestors *; script-src 'self'", {
				tiles: [],
				framing: 'none'
			})
		);
		expect(policy['img-src']).toEqual(["'self'", 'data:']);
		expect(policy['connect-src']).toEqual(["'self'"]);
		expect(policy['frame-ancestors']).toEqual(["'none'"]);
	});

	it('allows nothing at all for what is not a page', () => {
		const policy = directives(lockedPolicy());
		expect(policy['default-src']).toEqual(["'none'"]);
		expect(policy['frame-ancestors']).toEqual(["'none'"]);
		expect(policy['script-src']).toBeUndefined();
	});
});

describe('the headers of every response', () => {
	const context = { routeId: '/api/v1/content', https: false, tiles: [] };
	const headersOf = (response: Response, over: Partial<typeof context> = {}) =>
		secureResponse(response, { ...context, ...over }).headers;

	it('refuse framing, cross-origin openers, camera, microphone and payment', () => {
		const headers = headersOf(
			new Response('{}', { headers: { 'content-type': 'application/json' } })
		);
		expect(headers.get('x-frame-options')).toBe('DENY');
		expect(headers.get('cross-origin-opener-policy')).toBe('same-origin');
		expect(headers.get('permissions-policy')).toBe(
			'camera=(), microphone=(), payment=(), geolocation=(self)'
		);
		expect(headers.get('x-content-type-options')).toBe('nosniff');
		expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
		expect(headers.get('content-security-policy')).toBe(lockedPolicy());
	});

	it('ask for HTTPS from then on only when the site is served over HTTPS', () => {
		expect(headersOf(new Response('')).get('strict-transport-security')).toBeNull();
		expect(headersOf(new Response(''), { https: true }).get('strict-transport-security')).toBe(
			'max-age=31536000'
		);
	});

	it('complete a page’s own policy and let a console preview be framed by the app', () => {
		const page = new Response('<!doctype html>', {
			headers: { 'content-type': 'text/html', 'content-security-policy': kitPolicy }
		});
		const headers = headersOf(page, { routeId: '/admin/preview/tours/[id]' });
		expect(headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(directives(headers.get('content-security-policy')!)['frame-ancestors']).toEqual([
			"'self'"
		]);
		expect(headers.get('cache-control')).toBe('private, no-store');
	});
});

describe('the app’s cookies', () => {
	it('are HttpOnly, SameSite=Lax and Secure in production', () => {
		expect(cookieSecurity('production')).toEqual({
			httpOnly: true,
			sameSite: 'lax',
			secure: true
		});
	});

	it('are not Secure for plain http on a developer’s machine or in tests', () => {
		expect(cookieSecurity('development').secure).toBe(false);
		expect(cookieSecurity('test').secure).toBe(false);
		expect(cookieSecurity('test').httpOnly).toBe(true);
	});
});
