import { expect, test, type APIRequestContext } from '@playwright/test';

/**
 * Visitor pages are kept in memory once rendered (src/lib/server/hooks/page-cache.ts) and served
 * from there, before SvelteKit, by the built server's early door. What the visitor gets must still
 * be what the bureau published a moment ago.
 */

interface FeedEvent {
	slug: string;
	status: string;
	title: { zh: string; en?: string };
	rrule?: string;
	allDay: boolean;
}

/** A plain published event (the last one, away from what other tests edit). */
async function plainEvent(request: APIRequestContext): Promise<FeedEvent> {
	const feed = await (await request.get('/api/v1/content')).json();
	return feed.events
		.filter((e: FeedEvent) => e.status === 'published' && !e.rrule && !e.allDay)
		.at(-1);
}

test('a kept visitor page shows an editor’s change at once, and a draft never', async ({
	request
}) => {
	const event = await plainEvent(request);
	const path = `/en/events/${event.slug}`;
	for (let i = 0; i < 2; i++) {
		const shown = await request.get(path);
		expect(shown.status()).toBe(200);
		expect(await shown.text()).toContain(event.title.en ?? event.title.zh);
	}
	try {
		const renamed = await request.post(`/api/test/events/${event.slug}`, {
			data: { title: { zh: '刚改的名字', en: 'Renamed a moment ago' } }
		});
		expect(renamed.ok()).toBe(true);
		expect(await (await request.get(path)).text()).toContain('Renamed a moment ago');

		const drafted = await request.post(`/api/test/events/${event.slug}`, {
			data: { status: 'draft' }
		});
		expect(drafted.ok()).toBe(true);
		const hidden = await request.get(path);
		expect(hidden.status()).toBe(404);
		expect(await hidden.text()).not.toContain('Renamed a moment ago');
		expect(await (await request.get(`/events/${event.slug}`)).text()).not.toContain('刚改的名字');
	} finally {
		await request.post(`/api/test/events/${event.slug}`, {
			data: { status: event.status, title: event.title }
		});
	}
	const restored = await request.get(path);
	expect(restored.status()).toBe(200);
	expect(await restored.text()).not.toContain('Renamed a moment ago');
});

test('the bare / still sends an English visitor to /en after a Chinese visitor’s / was kept', async ({
	request
}) => {
	for (let i = 0; i < 2; i++) {
		const chinese = await request.get('/', { maxRedirects: 0 });
		expect(chinese.status()).toBe(200);
		expect(await chinese.text()).toContain('<html lang="zh-CN"');
	}
	const english = await request.get('/', { headers: { cookie: 'lang=en' }, maxRedirects: 0 });
	expect(english.status()).toBe(307);
	expect(english.headers()['location']).toBe('/en');
});

test('a kept page goes to each browser in the encoding it accepts', async ({ request }) => {
	for (const [accepts, sent] of [
		['br, gzip', 'br'],
		['gzip', 'gzip'],
		['identity', undefined],
		['br, gzip', 'br']
	] as const) {
		const response = await request.get('/en/venues', { headers: { 'accept-encoding': accepts } });
		expect(response.status()).toBe(200);
		expect(response.headers()['content-encoding'], accepts).toBe(sent);
		expect(await response.text()).toContain('<html lang="en"');
	}
});
