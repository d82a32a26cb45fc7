import { afterEach, describe, expect, it } from 'vitest';
import { snapshotOf } from '$lib/content/snapshot';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import { eventView } from '$lib/content/views/event';
import { eventsView } from '$lib/content/views/events';
import { sampleSnapshot } from '../helpers/snapshot';

// Seeded on Saturday 28 November 2026: the weekly show starts that day, its third date
// (12 December) is cancelled, the night walk on day 9 is cancelled and the riddle contest is
// postponed from day 6 to day 12.
const seedDay = '2026-11-28';
const snap = sampleSnapshot(seedDay);
const morning = { lang: 'en' as const, now: `${seedDay}T10:00` };
const slugs = (view: ReturnType<typeof eventsView>) => view.events.map((e) => e.slug);

function parameterError(run: () => unknown): ViewParameterError {
	try {
		run();
	} catch (error) {
		if (error instanceof ViewParameterError) return error;
		throw error;
	}
	throw new Error('expected a ViewParameterError');
}

describe('events view', () => {
	it('shows today by default, in time order, with multi-day events on every day they cover', () => {
		const view = eventsView(snap, {}, morning);
		expect(view.date).toBe(seedDay);
		expect(slugs(view)).toEqual([
			'special-exhibition-city-of-the-canal',
			'folk-art-market-1',
			'lakeside-morning-run',
			'culture-for-the-people-weekend-performance',
			'lantern-riddles-beihu-1'
		]);
		const later = eventsView(snap, { date: '2026-12-07' }, morning);
		expect(slugs(later)).toContain('special-exhibition-city-of-the-canal');
		expect(slugs(later)).not.toContain('lakeside-morning-run');
	});

	it('offers a fortnight of days starting today with a count of events on each', () => {
		const view = eventsView(snap, { date: '2026-12-03' }, morning);
		expect(view.days).toHaveLength(14);
		expect(view.days[0]).toEqual({ date: seedDay, count: 5 });
		expect(view.days.at(-1)?.date).toBe('2026-12-11');
		expect(view.days.every((d) => d.count > 0)).toBe(true);
	});

	it('filters a day by category', () => {
		const view = eventsView(snap, { date: '2026-12-10', category: 'performance' }, morning);
		expect(slugs(view)).toEqual(['chamber-concert']);
		expect(view.dayTotal).toBe(4);
		expect(view.categories).toContain('performance');
		expect(view.categories).not.toContain('ceremony');
	});

	it('filters a day by festival slug and lists the festivals not yet over', () => {
		const view = eventsView(snap, { festival: 'spring-lantern-fair' }, morning);
		expect(slugs(view)).toEqual(['folk-art-market-1', 'lantern-riddles-beihu-1']);
		expect(view.events.every((e) => e.festival?.slug === 'spring-lantern-fair')).toBe(true);
		expect(view.festivals.map((f) => f.slug)).toEqual(['spring-lantern-fair', 'lotus-season']);
		expect(view.festivals[0]).toMatchObject({
			name: 'Taibai Lake Spring Lantern Fair',
			running: true
		});
	});

	it('filters to free events', () => {
		const day = '2026-11-29';
		const all = eventsView(snap, { date: day }, morning);
		const free = eventsView(snap, { date: day, free: '1' }, morning);
		expect(all.events.some((e) => !e.free)).toBe(true);
		expect(free.events.length).toBeGreaterThan(0);
		expect(free.events.every((e) => e.free)).toBe(true);
		expect(free.filters.free).toBe(true);
	});

	it('filters to what is happening now, on today whatever date is asked', () => {
		const view = eventsView(
			snap,
			{ now: '1', date: '2026-12-05' },
			{
				lang: 'en',
				now: `${seedDay}T07:45`
			}
		);
		expect(view.date).toBe(seedDay);
		expect(slugs(view)).toEqual([
			'special-exhibition-city-of-the-canal',
			'folk-art-market-1',
			'lakeside-morning-run'
		]);
		const later = eventsView(snap, { now: '1' }, { lang: 'en', now: `${seedDay}T15:30` });
		expect(slugs(later)).toContain('culture-for-the-people-weekend-performance');
		expect(slugs(later)).not.toContain('lakeside-morning-run');
	});

	it('keeps cancelled and postponed events on their day with status and reason', () => {
		const walk = eventsView(snap, { date: '2026-12-07' }, morning).events.find(
			(e) => e.slug === 'night-photography-walk-2'
		);
		expect(walk).toMatchObject({ status: 'cancelled' });
		expect(walk?.statusReason).toMatch(/wind/i);
		const contest = eventsView(snap, { date: '2026-12-10' }, morning).events.find(
			(e) => e.slug === 'lantern-riddle-contest'
		);
		expect(contest).toMatchObject({ status: 'postponed', start: '2026-12-10T19:00' });
		expect(contest?.statusReason).toMatch(/rain/i);
	});

	it('resolves texts to the language, falling back to Chinese', () => {
		const zh = eventsView(snap, {}, { ...morning, lang: 'zh' });
		expect(zh.events[0].title).toBe('专题展：运河之都');
		expect(zh.festivals[0].name).toBe('太白湖新春灯会');
	});

	it('says an empty day is empty rather than failing', () => {
		const view = eventsView(snap, { date: '2027-06-01' }, morning);
		expect(view.events).toEqual([]);
		expect(view.dayTotal).toBe(0);
	});

	it.each([
		[{ date: '2026-13-01' }, 'date'],
		[{ date: 'tomorrow' }, 'date'],
		[{ category: 'karaoke' }, 'category'],
		[{ festival: 'no-such-festival' }, 'festival'],
		[{ free: 'yes' }, 'free'],
		[{ now: 'true' }, 'now']
	])('rejects %o naming the parameter %s', (params, name) => {
		expect(parameterError(() => eventsView(snap, params, morning)).parameter).toBe(name);
	});
});

describe('event view', () => {
	const weekly = 'culture-for-the-people-weekend-performance';

	it('shows a recurring event at its next date and lists the others with the cancelled one marked', () => {
		const view = eventView(snap, { slug: weekly }, { lang: 'en', now: `${seedDay}T17:00` });
		expect(view.event).toMatchObject({ start: '2026-12-05T15:00', end: '2026-12-05T16:30' });
		expect(view.event.recurring).toBe(true);
		expect(view.otherDates).toEqual([
			{ start: '2026-12-12T15:00', end: '2026-12-12T16:30', cancelled: true },
			{ start: '2026-12-19T15:00', end: '2026-12-19T16:30', cancelled: false },
			{ start: '2026-12-26T15:00', end: '2026-12-26T16:30', cancelled: false },
			{ start: '2027-01-02T15:00', end: '2027-01-02T16:30', cancelled: false },
			{ start: '2027-01-09T15:00', end: '2027-01-09T16:30', cancelled: false },
			{ start: '2027-01-16T15:00', end: '2027-01-16T16:30', cancelled: false }
		]);
	});

	it('shows the occurrence that is on now, and never a cancelled date as the main one', () => {
		const during = eventView(snap, { slug: weekly }, { lang: 'en', now: `${seedDay}T15:30` });
		expect(during.event.start).toBe(`${seedDay}T15:00`);
		expect(during.otherDates).toHaveLength(7);
		const beforeCancelled = eventView(
			snap,
			{ slug: weekly },
			{ lang: 'en', now: '2026-12-06T12:00' }
		);
		expect(beforeCancelled.event.start).toBe('2026-12-19T15:00');
		expect(beforeCancelled.otherDates[0]).toMatchObject({
			start: '2026-12-12T15:00',
			cancelled: true
		});
	});

	it('gives a one-off event no other dates, and marks it ended once it is over', () => {
		const run = eventView(snap, { slug: 'lakeside-morning-run' }, morning);
		expect(run.otherDates).toEqual([]);
		expect(run.ended).toBe(true);
		expect(eventView(snap, { slug: 'chamber-concert' }, morning).ended).toBe(false);
	});

	it('carries the venue, festival, position and map settings for the page', () => {
		const view = eventView(snap, { slug: 'lantern-riddle-contest' }, { ...morning, lang: 'zh' });
		expect(view.venue).toMatchObject({ slug: 'beihu-pavilion-square', name: '北湖阁广场' });
		expect(view.festival).toEqual({ slug: 'spring-lantern-fair', name: '太白湖新春灯会' });
		expect(view.position).toEqual(snap.venueBySlug('beihu-pavilion-square')?.position);
		expect(view.settings).toEqual(snap.settings.map);
		expect(view.record.id).toBe(view.event.id);
		expect(view.venueRecord?.slug).toBe('beihu-pavilion-square');
	});

	it('keeps the status and reason of a cancelled event', () => {
		const view = eventView(snap, { slug: 'night-photography-walk-2' }, morning);
		expect(view.event.status).toBe('cancelled');
		expect(view.event.statusReason).toMatch(/wind/i);
	});

	it('keeps the original start of a postponed event', () => {
		const view = eventView(snap, { slug: 'lantern-riddle-contest' }, morning);
		expect(view.event).toMatchObject({
			status: 'postponed',
			start: '2026-12-10T19:00',
			previousStart: '2026-12-04T19:00'
		});
		expect(view.event.statusReason).toMatch(/rain/i);
	});

	it('carries the event photo with its alt text in the page language, and none when there is none', () => {
		const image = {
			src: '/media/0123456789abcdef0123',
			width: 960,
			height: 640,
			widths: [480, 960],
			alt: { zh: '湖边夜跑', en: 'A night run by the lake' }
		};
		const withPhoto = snapshotOf({
			...snap,
			events: snap.events.map((e) => (e.slug === 'chamber-concert' ? { ...e, image } : e))
		});
		expect(eventView(withPhoto, { slug: 'chamber-concert' }, morning).event.image).toEqual({
			...image,
			alt: 'A night run by the lake'
		});
		expect(
			eventView(withPhoto, { slug: 'chamber-concert' }, { ...morning, lang: 'zh' }).event.image?.alt
		).toBe('湖边夜跑');
		expect(eventView(snap, { slug: 'lakeside-morning-run' }, morning).event.image).toBeUndefined();
	});

	it('answers not found for an unknown slug', () => {
		expect(() => eventView(snap, { slug: 'no-such-event' }, morning)).toThrow(ViewNotFoundError);
	});

	it('names the missing slug parameter', () => {
		expect(parameterError(() => eventView(snap, {}, morning)).parameter).toBe('slug');
	});
});

describe('views in Shanghai time', () => {
	const originalZone = process.env.TZ;
	afterEach(() => {
		process.env.TZ = originalZone;
	});

	it('gives the same days and times on a device set to Los Angeles', () => {
		const expected = {
			list: eventsView(snap, { date: '2026-12-05' }, morning),
			event: eventView(snap, { slug: 'culture-for-the-people-weekend-performance' }, morning)
		};
		process.env.TZ = 'America/Los_Angeles';
		expect(new Date(2026, 11, 5).getTimezoneOffset()).toBe(480);
		const list = eventsView(snap, { date: '2026-12-05' }, morning);
		expect(list).toEqual(expected.list);
		expect(list.days[0].date).toBe(seedDay);
		expect(
			list.events.find((e) => e.slug === 'culture-for-the-people-weekend-performance')?.start
		).toBe('2026-12-05T15:00');
		expect(
			eventView(snap, { slug: 'culture-for-the-people-weekend-performance' }, morning)
		).toEqual(expected.event);
	});
});
