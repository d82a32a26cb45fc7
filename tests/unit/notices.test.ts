import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { noticeInputOf, noticeValues, newNoticeValues } from '$lib/admin/forms/notice';
import { fieldLabel } from '$lib/admin/labels';
import { problemText } from '$lib/admin/problem-text';
import { dismissable, inScope, isShowing, pageScope } from '$lib/content/notices';
import { feedPayload, noticeInput, type Notice } from '$lib/content/schemas';
import { snapshotOf } from '$lib/content/snapshot';
import { problemsOf } from '$lib/content/validation';
import { noticesView } from '$lib/content/views/notices';
import { setLanguage } from '$lib/i18n/locale.svelte';
import { GuideDb } from '$lib/offline/db';
import { localSnapshot } from '$lib/offline/local-views';
import { syncOnce } from '$lib/offline/sync';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import { sampleSnapshot } from '../helpers/snapshot';
import { testStore } from '../helpers/store';

const stored = { revision: 9, version: 1, updatedAt: '2026-11-28T00:00:00.000Z', sample: false };

function notice(overrides: Partial<Notice> = {}): Notice {
	return {
		id: 'not_abcdef12',
		slug: 'notice-1',
		status: 'published',
		severity: 'warning',
		message: { zh: '游船暂停：风力过大', en: 'Boat tours suspended: strong wind' },
		start: '2026-11-28T08:00',
		end: '2026-11-28T18:00',
		...stored,
		...overrides
	};
}

const input = (overrides: Record<string, unknown> = {}) => {
	const { revision: _r, version: _v, updatedAt: _u, ...rest } = notice();
	return { ...rest, ...overrides };
};

afterEach(() => setLanguage('zh'));

describe('a notice as an editor writes it', () => {
	it('is accepted with a severity, both texts, a start and an end, and optionally a scope', () => {
		expect(noticeInput.safeParse(input()).success).toBe(true);
		expect(
			noticeInput.safeParse(input({ scope: { type: 'tours', id: 'tou_boat123' } })).success
		).toBe(true);
	});

	it('names each bad field: the severity, the Chinese text, an end before the start', () => {
		const result = noticeInput.safeParse(
			input({ severity: 'panic', message: { zh: '' }, end: '2026-11-28T07:00' })
		);
		const paths = problemsOf(result.error!).map((p) => p.path);
		expect(paths).toEqual(expect.arrayContaining(['severity', 'message.zh']));
		const late = noticeInput.safeParse(input({ end: '2026-11-28T07:00' }));
		expect(problemsOf(late.error!)).toEqual([{ path: 'end', message: 'must be after the start' }]);
	});

	it('refuses a notice lasting longer than a year, and a scope of another kind', () => {
		const long = noticeInput.safeParse(input({ end: '2028-01-01T00:00' }));
		expect(problemsOf(long.error!)[0]).toMatchObject({ path: 'end' });
		const odd = noticeInput.safeParse(input({ scope: { type: 'events', id: 'evt_abcdef12' } }));
		expect(problemsOf(odd.error!)[0].path).toBe('scope.type');
	});

	it('says what is wrong in the editor’s language, with the field named', () => {
		setLanguage('zh');
		expect(problemText('must be after the start')).toBe('结束时间必须晚于开始时间');
		expect(fieldLabel('message.zh')).toBe('公告内容（中文）');
		setLanguage('en');
		expect(fieldLabel('scope')).toBe('Shown on');
		expect(problemText('must be a venue, tour or festival')).toBe(
			'must be a venue, tour or festival from the list'
		);
	});

	it('goes from the form to the schema and back unchanged', () => {
		const values = noticeValues(notice({ scope: { type: 'venues', id: 'ven_pier1234' } }));
		expect(values.scope).toBe('venues:ven_pier1234');
		const { input: made, problems } = noticeInputOf(values, notice());
		expect(problems).toEqual([]);
		expect(noticeInput.parse(made).scope).toEqual({ type: 'venues', id: 'ven_pier1234' });
		expect(noticeInputOf({ ...values, scope: 'events:evt_x' }).problems[0].path).toBe('scope');
	});

	it('gets a slug of its own when new, so two on one day never collide', () => {
		const values = {
			...newNoticeValues('2026-11-28T09:30', '2026-11-29'),
			message: { zh: 'x', en: '' }
		};
		const a = noticeInputOf(values).input.slug;
		const b = noticeInputOf(values).input.slug;
		expect(a).toMatch(/^notice-2026-11-28-[a-z0-9]+$/);
		expect(a).not.toBe(b);
		expect(values.end).toBe('2026-11-29T09:30');
	});
});

describe('where and when a notice shows', () => {
	const snap = sampleSnapshot();
	const tour = snap.tours.find((t) => t.stops.some((s) => s.venueId))!;
	const stopVenue = snap.venue(tour.stops.find((s) => s.venueId)!.venueId)!;
	const festivalEvent = snap.events.find((e) => e.festivalId && e.venueId)!;

	it('shows an unscoped notice on every page, a scoped one only on the pages in its scope', () => {
		expect(inScope(notice(), [])).toBe(true);
		const scoped = notice({ scope: { type: 'tours', id: tour.id } });
		expect(inScope(scoped, [])).toBe(false);
		expect(inScope(scoped, pageScope(snap, 'tour', tour.slug))).toBe(true);
		expect(inScope(scoped, pageScope(snap, 'venue', stopVenue.slug))).toBe(true);
	});

	it('puts an event’s page in the scope of its venue and its festival, and nothing else', () => {
		const scope = pageScope(snap, 'event', festivalEvent.slug);
		expect(scope).toEqual([
			{ type: 'venues', id: festivalEvent.venueId },
			{ type: 'festivals', id: festivalEvent.festivalId }
		]);
		expect(pageScope(snap, 'event', 'no-such-event')).toEqual([]);
		expect(pageScope(snap, undefined, undefined)).toEqual([]);
	});

	it('shows from the start until (not at) the end', () => {
		expect(isShowing(notice(), '2026-11-28T07:59')).toBe(false);
		expect(isShowing(notice(), '2026-11-28T08:00')).toBe(true);
		expect(isShowing(notice(), '2026-11-28T17:59')).toBe(true);
		expect(isShowing(notice(), '2026-11-28T18:00')).toBe(false);
	});

	it('lets the visitor dismiss any notice but an emergency', () => {
		expect(dismissable(notice({ severity: 'info' }))).toBe(true);
		expect(dismissable(notice({ severity: 'warning' }))).toBe(true);
		expect(dismissable(notice({ severity: 'emergency' }))).toBe(false);
	});

	it('lists a page’s notices not yet ended, the emergency first, in the page’s language', () => {
		const withNotices = snapshotOf({
			...snap,
			notices: [
				notice({ id: 'not_info0001', severity: 'info' }),
				notice({ id: 'not_emer0001', severity: 'emergency' }),
				notice({ id: 'not_ended001', end: '2026-11-28T09:00' }),
				notice({ id: 'not_other001', scope: { type: 'festivals', id: 'fes_elsewhere' } })
			]
		});
		const view = noticesView(
			withNotices,
			{ page: 'venue', slug: stopVenue.slug },
			{
				lang: 'en',
				now: '2026-11-28T10:00'
			}
		);
		expect(view.items.map((n) => n.id)).toEqual(['not_emer0001', 'not_info0001']);
		expect(view.items[0].text).toBe('Boat tours suspended: strong wind');
	});
});

describe('notices in the feed and on the phone', () => {
	it('accepts a feed from before notices existed', () => {
		const { notices: _n, ...old } = feedPayload.parse({
			revision: 1,
			since: null,
			full: true,
			venues: [],
			events: [],
			festivals: [],
			tours: [],
			holidays: [],
			settings: { map: { source: 'osm', attribution: 'x', bulkDownload: false } },
			deleted: { venues: [], events: [], festivals: [], tours: [] }
		});
		expect(feedPayload.parse(old).notices).toEqual([]);
		expect(feedPayload.parse(old).deleted.notices).toEqual([]);
	});

	it('travels with its revision, is kept on the phone, and a withdrawn one leaves it', async () => {
		const store = await testStore();
		await seedIfEmpty(store, '2026-11-28');
		const db = new GuideDb('notices-sync');
		const fetchFeed = async (input: RequestInfo | URL, init?: RequestInit) => {
			const url = new URL(String(input), 'http://guide.test');
			return contentResponse(store, new Request(url, init), url, 30);
		};
		try {
			await syncOnce(db, fetchFeed);
			const { id: _id, ...fresh } = input();
			const draft = await store.notices.create({ ...fresh, status: 'draft' });
			await syncOnce(db, fetchFeed);
			expect(await db.notices.count()).toBe(0);
			const published = await store.notices.update(
				draft.id,
				{ ...draft, status: 'published' },
				draft.version
			);
			const outcome = await syncOnce(db, fetchFeed);
			expect(outcome.status).toBe('updated');
			expect((await db.notices.get(draft.id))?.message.zh).toBe('游船暂停：风力过大');
			expect((await localSnapshot(db))?.notices?.map((n) => n.id)).toEqual([draft.id]);
			await store.notices.remove(draft.id, published.version);
			await syncOnce(db, fetchFeed);
			expect(await db.notices.count()).toBe(0);
		} finally {
			db.close();
			await store.close();
		}
	});
});
