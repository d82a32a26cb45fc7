import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedPayload } from '$lib/content/schemas';
import { purgeTombstones } from '$lib/server/content/tombstones';
import { contentResponse } from '$lib/server/feed/content-response';
import { icsResponse } from '$lib/server/feed/ics-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { eventInputFixture, describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	const origin = 'http://guide.test';

	beforeAll(async () => {
		store = await open();
		await seedIfEmpty(store, '2026-11-28');
	});
	afterAll(async () => {
		await store.close();
	});

	function get(path: string, headers: Record<string, string> = {}) {
		const url = new URL(path, origin);
		return { request: new Request(url, { headers }), url };
	}

	async function content(path: string, headers: Record<string, string> = {}) {
		const { request, url } = get(path, headers);
		return contentResponse(store, request, url, 30);
	}

	async function ics(path: string) {
		const { request, url } = get(path);
		return icsResponse(store, request, url, { maxAge: 30, origin });
	}

	describe('GET /api/v1/content', () => {
		it('serves the full snapshot of published content with its revision', async () => {
			const response = await content('/api/v1/content');
			expect(response.status).toBe(200);
			const payload = feedPayload.parse(await response.json());
			expect(payload.full).toBe(true);
			expect(payload.revision).toBeGreaterThan(70);
			expect(payload.venues.length).toBeGreaterThanOrEqual(22);
			expect(payload.events.length).toBeGreaterThanOrEqual(40);
			expect(response.headers.get('etag')).toBe(`"r${payload.revision}.0"`);
			expect(response.headers.get('cache-control')).toMatch(
				/public, max-age=30, stale-while-revalidate/
			);
			expect(response.headers.get('vary')).toBe('Accept-Encoding');
		});

		it('compresses with brotli or gzip as the client accepts, with a tag per encoding', async () => {
			const plain = await (await content('/api/v1/content')).text();
			const br = await content('/api/v1/content', { 'accept-encoding': 'gzip, deflate, br' });
			expect(br.headers.get('content-encoding')).toBe('br');
			expect(br.headers.get('etag')).toMatch(/-br"$/);
			expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(plain);
			const gzip = await content('/api/v1/content', { 'accept-encoding': 'gzip' });
			expect(gzip.headers.get('content-encoding')).toBe('gzip');
			expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(plain);
			const refused = await content('/api/v1/content', { 'accept-encoding': 'br;q=0, gzip' });
			expect(refused.headers.get('content-encoding')).toBe('gzip');
		});

		it('answers 304 to a client that already has this revision, in any encoding', async () => {
			const first = await content('/api/v1/content', { 'accept-encoding': 'br' });
			const etag = first.headers.get('etag') as string;
			const again = await content('/api/v1/content', { 'if-none-match': etag });
			expect(again.status).toBe(304);
			expect(await again.text()).toBe('');
			const gzip = await content('/api/v1/content', {
				'if-none-match': etag,
				'accept-encoding': 'gzip'
			});
			expect(gzip.status).toBe(304);
		});

		it('sends only what changed since a revision, with tombstones', async () => {
			const before = feedPayload.parse(await (await content('/api/v1/content')).json());
			const added = await store.events.create(eventInputFixture());
			const victim = before.events.find((e) => !e.rrule && e.status === 'published')!;
			await store.events.remove(victim.id, victim.version);
			const delta = feedPayload.parse(
				await (await content(`/api/v1/content?since=${before.revision}`)).json()
			);
			expect(delta).toMatchObject({
				full: false,
				since: before.revision,
				revision: before.revision + 2
			});
			expect(delta.events.map((e) => e.id)).toEqual([added.id]);
			expect(delta.deleted.events).toEqual([victim.id]);
			expect(delta.venues).toEqual([]);
		});

		it('stops answering 304 to an old tag once content changes', async () => {
			const tag = (await content('/api/v1/content')).headers.get('etag') as string;
			await store.events.create(eventInputFixture());
			expect((await content('/api/v1/content', { 'if-none-match': tag })).status).toBe(200);
		});

		it('falls back to a flagged full snapshot when `since` is older than the kept tombstones', async () => {
			const event = await store.events.create(eventInputFixture());
			await store.events.remove(event.id, 1);
			await purgeTombstones(store.db, new Date(Date.now() + 1000));
			const payload = feedPayload.parse(await (await content('/api/v1/content?since=3')).json());
			expect(payload.full).toBe(true);
			expect(payload.since).toBeNull();
			expect(payload.events.length).toBeGreaterThanOrEqual(40);
		});

		it('gives a full snapshot to a client that claims a revision from the future', async () => {
			const payload = feedPayload.parse(
				await (await content('/api/v1/content?since=999999')).json()
			);
			expect(payload.full).toBe(true);
		});

		it.each([
			['/api/v1/content?since=abc', 'since'],
			['/api/v1/content?since=-1', 'since'],
			['/api/v1/content?since=1.5', 'since'],
			['/api/v1/content?revision=3', 'revision']
		])('refuses %s with a 400 naming the parameter', async (path, parameter) => {
			const response = await content(path);
			expect(response.status).toBe(400);
			expect(await response.json()).toMatchObject({ error: { status: 400, parameter } });
		});
	});

	describe('GET /api/v1/events.ics', () => {
		it('parses as iCalendar with a VTIMEZONE and Asia/Shanghai times', async () => {
			const response = await ics('/api/v1/events.ics');
			expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
			const calendar = new ICAL.Component(ICAL.parse(await response.text()));
			expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
				'Asia/Shanghai'
			);
			const events = calendar.getAllSubcomponents('vevent');
			expect(events.length).toBeGreaterThanOrEqual(40);
			const dtstart = events[0].getFirstProperty('dtstart');
			expect(dtstart?.getParameter('tzid') ?? dtstart?.getParameter('value')).toBeTruthy();
		});

		it('keeps UIDs stable, repeats weekly events and marks cancelled ones', async () => {
			const text = await (await ics('/api/v1/events.ics')).text();
			const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
			const recurring = events.find((e) => e.getFirstPropertyValue('rrule'));
			expect(String(recurring?.getFirstPropertyValue('rrule'))).toContain('FREQ=WEEKLY');
			expect(recurring?.getFirstProperty('exdate')?.getParameter('tzid')).toBe('Asia/Shanghai');
			expect(events.some((e) => e.getFirstPropertyValue('status') === 'CANCELLED')).toBe(true);
			const uids = events.map((e) => String(e.getFirstPropertyValue('uid')));
			expect(new Set(uids).size).toBe(uids.length);
			const again = await (await ics('/api/v1/events.ics')).text();
			expect(again).toContain(`UID:${uids[0]}`);
		});

		it('narrows to one festival and speaks English on request', async () => {
			const text = await (
				await ics('/api/v1/events.ics?festival=spring-lantern-fair&lang=en')
			).text();
			const calendar = new ICAL.Component(ICAL.parse(text));
			expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(
				'Taibai Lake Spring Lantern Fair'
			);
			const all = new ICAL.Component(ICAL.parse(await (await ics('/api/v1/events.ics')).text()));
			const count = (c: ICAL.Component) => c.getAllSubcomponents('vevent').length;
			expect(count(calendar)).toBeGreaterThan(20);
			expect(count(calendar)).toBeLessThan(count(all));
		});

		it('narrows to one event, the address a visitor subscribes to where downloads are blocked', async () => {
			const feed = await (await ics('/api/v1/events.ics')).text();
			const all = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents('vevent');
			const [published] = await store.events.listPublic();
			const text = await (await ics(`/api/v1/events.ics?event=${published.slug}&lang=en`)).text();
			const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
			expect(events.map((e) => e.getFirstPropertyValue('uid'))).toEqual([
				all
					.find((e) => String(e.getFirstPropertyValue('url')).endsWith(`/${published.slug}`))
					?.getFirstPropertyValue('uid')
			]);
			expect(events[0].getFirstPropertyValue('summary')).toBe(
				published.title.en ?? published.title.zh
			);
		});

		it('refuses an unknown event, or an event with a festival, naming the parameter', async () => {
			const unknown = await ics('/api/v1/events.ics?event=no-such-event');
			expect(unknown.status).toBe(400);
			expect(await unknown.json()).toMatchObject({ error: { parameter: 'event' } });
			const both = await ics('/api/v1/events.ics?event=x&festival=spring-lantern-fair');
			expect(await both.json()).toMatchObject({ error: { parameter: 'event' } });
		});

		it('never lists a draft', async () => {
			const draft = await store.events.create(
				eventInputFixture({ status: 'draft', title: { zh: '草稿活动' } })
			);
			const text = await (await ics('/api/v1/events.ics')).text();
			expect(text).not.toContain(draft.id);
			expect(text).not.toContain('草稿活动');
		});

		it('refuses an unknown festival or language with a 400 naming the parameter', async () => {
			expect(await (await ics('/api/v1/events.ics?festival=nope')).json()).toMatchObject({
				error: { parameter: 'festival' }
			});
			expect((await ics('/api/v1/events.ics?lang=fr')).status).toBe(400);
		});
	});
});
