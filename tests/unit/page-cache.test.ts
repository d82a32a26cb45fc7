import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { RequestEvent } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { isSharedPage } from '$lib/server/hooks/page-cache';
import { cookieValue, PageCache, pageKey, type PageInputs } from '$lib/server/http/page-cache';

const html = (body: string, headers: Record<string, string> = {}, status = 200) =>
	new Response(body, {
		status,
		headers: { 'content-type': 'text/html', 'cache-control': 'private, no-cache', ...headers }
	});

/** A render that counts its calls and can be held until the test lets it finish. */
function renderer(make: (call: number) => Response) {
	let calls = 0;
	let release: () => void = () => undefined;
	const gate = new Promise<void>((resolve) => (release = resolve));
	return {
		render: async () => {
			calls++;
			await gate;
			return make(calls);
		},
		release,
		calls: () => calls
	};
}

describe('kept pages', () => {
	it('render a page once and send the same bytes and headers afterwards', async () => {
		const cache = new PageCache();
		const page = renderer(() => html('<p>太白湖</p>', { etag: '"abc"', 'x-request-id': 'one' }));
		page.release();
		const first = await cache.serve('k', '/(visitor)/[[lang=lang]]', page.render);
		const second = await cache.serve('k', '/(visitor)/[[lang=lang]]', page.render);
		expect(await second.text()).toBe('<p>太白湖</p>');
		expect(await first.text()).toBe('<p>太白湖</p>');
		expect(second.headers.get('etag')).toBe('"abc"');
		expect(second.headers.get('cache-control')).toBe('private, no-cache');
		// Each response gets its own request id from the hooks outside the cache.
		expect(second.headers.has('x-request-id')).toBe(false);
		expect(page.calls()).toBe(1);
		expect(cache.get('k')?.route).toBe('/(visitor)/[[lang=lang]]');
	});

	it('share one render between requests that miss at the same moment', async () => {
		const cache = new PageCache();
		const page = renderer(() => html('<p>once</p>'));
		const answers = Array.from({ length: 30 }, () => cache.serve('k', '/r', page.render));
		page.release();
		const bodies = await Promise.all((await Promise.all(answers)).map((a) => a.text()));
		expect(bodies).toEqual(Array(30).fill('<p>once</p>'));
		expect(page.calls()).toBe(1);
	});

	it.each([
		['a page that sets a cookie', html('<p>x</p>', { 'set-cookie': 'lang=en' })],
		['a page that must not be stored', html('<p>x</p>', { 'cache-control': 'private, no-store' })],
		['a missing page', html('<p>404</p>', {}, 404)],
		['a redirect', new Response(null, { status: 307, headers: { location: '/en' } })],
		['JSON', new Response('{}', { headers: { 'content-type': 'application/json' } })]
	])('never keep %s, and let each waiting request render its own', async (_, response) => {
		const cache = new PageCache();
		const page = renderer(() => response.clone());
		const answers = [cache.serve('k', '/r', page.render), cache.serve('k', '/r', page.render)];
		page.release();
		const statuses = (await Promise.all(answers)).map((a) => a.status);
		expect(statuses).toEqual([response.status, response.status]);
		expect(page.calls()).toBe(2);
		expect(cache.get('k')).toBeUndefined();
	});

	it('stay within their byte and entry bounds, dropping the least recently used first', async () => {
		const cache = new PageCache(1000, 3);
		const keep = (key: string, bytes: number) =>
			cache.serve(key, '/r', () => html('x'.repeat(bytes)));
		await keep('a', 300);
		await keep('b', 300);
		await keep('c', 300);
		await cache.serve('a', '/r', () => html('never rendered'));
		await keep('d', 300);
		expect(cache.get('b')).toBeUndefined();
		expect(cache.get('a')).toBeDefined();
		expect(cache.size.entries).toBe(3);
		await keep('e', 900);
		expect(cache.size.bytes).toBeLessThanOrEqual(1000);
		await keep('huge', 5000);
		expect(cache.get('huge')).toBeUndefined();
	});
});

describe('the key of a page', () => {
	const base: PageInputs = {
		revision: 80,
		now: Date.parse('2026-12-05T11:30:10Z'),
		href: 'http://guide.test/venues/taibai-lake-scenic-area',
		acceptEncoding: 'gzip, deflate, br',
		cookie: null
	};

	it.each<[string, Partial<PageInputs>]>([
		['the content revision', { revision: 81 }],
		['the minute', { now: Date.parse('2026-12-05T11:31:00Z') }],
		['the language of the path', { href: 'http://guide.test/en/venues/taibai-lake-scenic-area' }],
		['the query', { href: 'http://guide.test/venues/taibai-lake-scenic-area?x=1' }],
		['the origin', { href: 'http://other.test/venues/taibai-lake-scenic-area' }],
		['the encoding the browser takes', { acceptEncoding: 'gzip' }],
		['the language cookie', { cookie: 'lang=en' }]
	])('changes with %s', (_, change) => {
		expect(pageKey({ ...base, ...change })).not.toBe(pageKey(base));
	});

	it('stays the same for what cannot change the page', () => {
		expect(pageKey({ ...base, now: Date.parse('2026-12-05T11:30:59Z') })).toBe(pageKey(base));
		expect(pageKey({ ...base, acceptEncoding: 'br' })).toBe(pageKey(base));
		expect(pageKey({ ...base, cookie: 'taibai_session=abc; other=1' })).toBe(pageKey(base));
	});

	it('reads the first cookie of a name, decoded, and nothing from a look-alike name', () => {
		expect(cookieValue('a=1; lang=en; lang=zh', 'lang')).toBe('en');
		expect(cookieValue('xlang=en;lang=%7A%68', 'lang')).toBe('zh');
		expect(cookieValue('lang=%E0%A4%A', 'lang')).toBe('%E0%A4%A');
		expect(cookieValue('language=en', 'lang')).toBeUndefined();
		expect(cookieValue(undefined, 'lang')).toBeUndefined();
	});
});

/** Every route id of the app, from the route tree as SvelteKit reads it (pages and endpoints). */
function routeIds(dir = 'src/routes', id = ''): string[] {
	const entries = readdirSync(dir, { withFileTypes: true });
	const here = entries.some((e) => /^\+(page|server)\b/.test(e.name)) ? [id || '/'] : [];
	return here.concat(
		...entries
			.filter((e) => e.isDirectory())
			.map((e) => routeIds(join(dir, e.name), `${id}/${e.name}`))
	);
}

/** What the hook looks at: the method, whether it is a data request, and the route id. */
const event = (routeId: string | null, method = 'GET', isDataRequest = false) =>
	({
		request: new Request('http://guide.test/', { method }),
		isDataRequest,
		route: { id: routeId }
	}) as unknown as RequestEvent;

describe('which responses may be kept', () => {
	const ids = routeIds();

	it('finds the route tree', () => {
		expect(ids).toContain('/(visitor)/[[lang=lang]]/venues/[slug]');
		expect(ids).toContain('/admin/events/[id]');
		expect(ids.some((id) => id.startsWith('/admin/preview'))).toBe(true);
	});

	it.each(ids)('%s: kept only if it is a visitor page', (id) => {
		expect(isSharedPage(event(id))).toBe(id.startsWith('/(visitor)/'));
	});

	it('never keeps a data request, a form post, a HEAD or an unmatched path', () => {
		const venue = '/(visitor)/[[lang=lang]]/venues/[slug]';
		expect(isSharedPage(event(venue, 'GET', true))).toBe(false);
		expect(isSharedPage(event(venue, 'POST'))).toBe(false);
		expect(isSharedPage(event(venue, 'HEAD'))).toBe(false);
		expect(isSharedPage(event(null))).toBe(false);
	});
});
