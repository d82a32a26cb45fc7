import { afterEach, describe, expect, it } from 'vitest';
import { changeHeading, changeReason, changeWhat } from '$lib/components/offline/change-words';
import type { Event } from '$lib/content/schemas';
import { setLanguage } from '$lib/i18n/locale.svelte';
import type { Favourite } from '$lib/offline/db';
import { plannedEventIds, savedChanges, type SavedChange } from '$lib/offline/saved-changes';
import { sampleSnapshot } from '../helpers/snapshot';

afterEach(() => setLanguage('zh'));

const snap = sampleSnapshot();
const plain = snap.events.filter((e) => e.status === 'published' && !e.rrule && e.venueId);
const [a, b] = plain;
const otherVenue = snap.venues.find((v) => v.id !== a.venueId)!;

const saved = (e: Event): Favourite => ({
	type: 'events',
	id: e.id,
	slug: e.slug,
	savedAt: 'x',
	seen: { title: e.title.zh, start: e.start, status: e.status }
});
const venues = new Map(snap.venues.map((v) => [v.id, { slug: v.slug, name: v.name }]));

describe('the change alert’s words', () => {
	it('speaks of one event in the singular and of many in the plural, in English', () => {
		setLanguage('en');
		expect(changeHeading(1)).toBe('An event you saved or planned has changed');
		expect(changeHeading(3)).toBe('3 events you saved or planned have changed');
	});

	it('counts with a measure word in Chinese, for one and for many', () => {
		setLanguage('zh');
		expect(changeHeading(1)).toBe('1 个收藏或计划中的活动有变动');
		expect(changeHeading(4)).toBe('4 个收藏或计划中的活动有变动');
	});

	it('says the new time and place, and the editor’s reason, in the visitor’s language', () => {
		const moved: SavedChange = {
			id: 'evt_x',
			slug: 'x',
			title: 'x',
			change: 'moved',
			start: '2026-12-05T19:30',
			venue: { slug: 'museum', name: { zh: '济宁博物馆', en: 'Jining Museum' } },
			reason: { zh: '场地维修', en: 'Repairs at the theatre' }
		};
		setLanguage('en');
		expect(changeWhat(moved, 'en')).toBe('Now Sat 5 Dec 19:30 at Jining Museum');
		expect(changeReason(moved, 'en')).toBe('Reason: Repairs at the theatre');
		expect(changeWhat({ ...moved, venue: undefined }, 'en')).toBe('Now Sat 5 Dec 19:30');
		expect(changeWhat({ ...moved, change: 'postponed' }, 'en')).toBe(
			'Postponed to Sat 5 Dec 19:30'
		);
		expect(changeWhat({ ...moved, change: 'cancelled' }, 'en')).toBe('Cancelled');
		setLanguage('zh');
		expect(changeWhat(moved, 'zh')).toBe('改至 12月5日 周六 19:30，地点：济宁博物馆');
		expect(changeWhat({ ...moved, start: undefined }, 'zh')).toBe('改在济宁博物馆举行');
		expect(changeReason(moved, 'zh')).toBe('原因：场地维修');
		expect(changeReason({ ...moved, reason: undefined }, 'zh')).toBeUndefined();
	});
});

describe('which saved or planned events a sync changed', () => {
	it('carries the reason of a cancel and the new time of a move', () => {
		const reason = { zh: '大风', en: 'Strong wind' };
		const changes = savedChanges(
			[saved(a), saved(b)],
			new Map([
				[a.id, { ...a, status: 'cancelled', statusReason: reason } as Event],
				[b.id, { ...b, start: '2027-01-05T10:00', end: '2027-01-05T11:00' }]
			]),
			new Set()
		);
		expect(changes).toEqual([
			{ id: a.id, slug: a.slug, title: a.title.zh, change: 'cancelled', reason },
			{ id: b.id, slug: b.slug, title: b.title.zh, change: 'moved', start: '2027-01-05T10:00' }
		]);
	});

	it('names the new place of an event moved to another venue', () => {
		const changes = savedChanges(
			[saved(a)],
			new Map([[a.id, { ...a, venueId: otherVenue.id }]]),
			new Set(),
			new Map([[a.id, a]]),
			new Set(),
			venues
		);
		expect(changes).toEqual([
			{
				id: a.id,
				slug: a.slug,
				title: a.title.zh,
				change: 'moved',
				venue: { slug: otherVenue.slug, name: otherVenue.name }
			}
		]);
	});

	it('watches the events in a day plan too, against the phone’s previous copy', () => {
		const planned = plannedEventIds([
			{
				plan: {
					items: [
						{ type: 'event', id: b.id },
						{ type: 'venue', id: 'ven_x' }
					]
				}
			},
			{ plan: null }
		]);
		expect([...planned]).toEqual([b.id]);
		const changes = savedChanges(
			[],
			new Map([[b.id, { ...b, status: 'postponed', statusReason: { zh: '雨' } } as Event]]),
			new Set(),
			new Map([[b.id, b]]),
			planned
		);
		expect(changes.map((c) => [c.id, c.change, c.reason?.zh])).toEqual([[b.id, 'postponed', '雨']]);
	});

	it('does not count a new summary as news', () => {
		expect(
			savedChanges(
				[saved(a)],
				new Map([[a.id, { ...a, summary: { zh: '新', en: undefined } }]]),
				new Set()
			)
		).toEqual([]);
	});
});
