import { describe, expect, it } from 'vitest';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import { openStateAt } from '$lib/content/views/cards';
import { mapView } from '$lib/content/views/map';
import { venueView } from '$lib/content/views/venue';
import { venuesView } from '$lib/content/views/venues';
import { sampleSnapshot } from '../helpers/snapshot';

// Seeded on Saturday 28 November 2026; the museum is closed on Mondays except public holidays.
const snap = sampleSnapshot('2026-11-28');
const en = (now: string) => ({ lang: 'en' as const, now });

describe('the venues list', () => {
	it('shows places to visit and keeps practical points apart', () => {
		const view = venuesView(snap, {}, en('2026-11-28T10:00'));
		expect(view.venues.map((v) => v.slug)).toContain('jining-museum');
		expect(view.venues.some((v) => ['parking', 'toilet'].includes(v.kind))).toBe(false);
		expect(view.practical.map((v) => v.kind)).toEqual(
			expect.arrayContaining(['visitor_centre', 'parking', 'toilet', 'first_aid'])
		);
		expect(view.kinds.map((k) => k.kind)).not.toContain('parking');
	});

	it('filters by kind', () => {
		const view = venuesView(snap, { kind: 'museum' }, en('2026-11-28T10:00'));
		expect(view.kind).toBe('museum');
		expect(view.venues.length).toBeGreaterThan(0);
		expect(view.venues.every((v) => v.kind === 'museum')).toBe(true);
		expect(view.venues.map((v) => v.name)).toContain('Jining Museum');
	});

	it('rejects a kind that is not a place to visit', () => {
		expect(() => venuesView(snap, { kind: 'parking' }, en('2026-11-28T10:00'))).toThrow(
			ViewParameterError
		);
		expect(() => venuesView(snap, { kind: 'zoo' }, en('2026-11-28T10:00'))).toThrow(
			ViewParameterError
		);
	});

	it('says the museum is closed on a Monday and opens on Tuesday at 08:30', () => {
		const museum = venuesView(snap, { kind: 'museum' }, en('2026-11-30T10:00')).venues.find(
			(v) => v.slug === 'jining-museum'
		);
		expect(museum?.state).toMatchObject({ open: false, nextOpen: '2026-12-01T08:30' });
	});
});

describe('an open state carried by a page', () => {
	const state = venueView(snap, { slug: 'jining-museum' }, en('2026-12-01T17:00')).state;

	it('still says open a minute before closing', () => {
		expect(openStateAt(state, '2026-12-01T17:29')).toMatchObject({
			open: true,
			until: '2026-12-01T17:30'
		});
	});

	it('says closed from closing time, opening again on Wednesday morning', () => {
		expect(openStateAt(state, '2026-12-01T17:30')).toMatchObject({
			open: false,
			nextOpen: '2026-12-02T08:30'
		});
	});

	it('skips the closed Monday when the page is left open over the weekend', () => {
		expect(openStateAt(state, '2026-12-06T18:00')).toMatchObject({
			open: false,
			nextOpen: '2026-12-08T08:30'
		});
	});

	it('keeps "always open" for a place that never closes', () => {
		const toilet = venuesView(snap, {}, en('2026-12-01T10:00')).practical.find(
			(v) => v.kind === 'toilet'
		)!;
		expect(openStateAt(toilet.state, '2026-12-03T03:00').alwaysOpen).toBe(true);
	});
});

describe('a venue page', () => {
	it('says the museum is open on Tuesday and closes at 17:30 in winter', () => {
		const view = venueView(snap, { slug: 'jining-museum' }, en('2026-12-01T10:00'));
		expect(view.state).toMatchObject({ open: true, until: '2026-12-01T17:30' });
		expect(view.name).toBe('Jining Museum');
		expect(view.price).toEqual({ free: true });
		expect(view.facilities).toContain('wheelchair');
	});

	it('lists seven days of hours from today and marks National Day', () => {
		const view = venueView(
			sampleSnapshot('2026-09-28'),
			{ slug: 'jining-museum' },
			en('2026-09-28T10:00')
		);
		const week = view.week ?? [];
		expect(week.map((d) => d.date)).toEqual([
			'2026-09-28',
			'2026-09-29',
			'2026-09-30',
			'2026-10-01',
			'2026-10-02',
			'2026-10-03',
			'2026-10-04'
		]);
		expect(week[0]).toMatchObject({ today: true, intervals: [], holiday: undefined });
		expect(week[1]).toMatchObject({ intervals: [{ from: '08:30', to: '18:00' }] });
		expect(week[3]).toMatchObject({
			holiday: 'National Day',
			intervals: [{ from: '08:30', to: '17:30' }]
		});
		expect(view.state).toMatchObject({ open: false, nextOpen: '2026-09-29T08:30' });
	});

	it('marks a make-up working day and opens the museum on a holiday Monday', () => {
		const view = venueView(
			sampleSnapshot('2026-10-05'),
			{ slug: 'jining-museum' },
			en('2026-10-05T10:00')
		);
		expect(view.state).toMatchObject({ open: true, holiday: 'National Day' });
		expect(view.week?.find((d) => d.date === '2026-10-10')).toMatchObject({ workday: true });
	});

	it('flags a week whose holiday calendar is not published', () => {
		const view = venueView(snap, { slug: 'jining-museum' }, en('2027-01-02T10:00'));
		expect(view.state.calendarMissing).toBe(2027);
		expect(view.week?.every((d) => d.calendarMissing)).toBe(true);
	});

	it('shows a place open around the clock as open all day', () => {
		const view = venueView(snap, { slug: 'beihu-pavilion-parking' }, en('2026-11-28T03:00'));
		expect(view.practical).toBe(true);
		expect(view.week?.every((d) => d.allDay)).toBe(true);
	});

	it('calls a car park open around the clock always open, not closing at midnight', () => {
		const view = venueView(snap, { slug: 'beihu-pavilion-parking' }, en('2026-11-28T22:00'));
		expect(view.state).toMatchObject({ open: true, alwaysOpen: true, until: undefined });
		const listed = venuesView(snap, {}, en('2026-11-28T22:00')).practical.find(
			(v) => v.slug === 'beihu-pavilion-parking'
		);
		expect(listed?.state).toMatchObject({ alwaysOpen: true, until: undefined });
		const mapped = mapView(snap, {}, en('2026-11-28T22:00')).venues.find(
			(p) => p.slug === 'beihu-pavilion-parking'
		);
		expect(mapped?.state.until).toBeUndefined();
	});

	it('has no week for a place without opening hours', () => {
		const view = venueView(snap, { slug: 'beihu-pavilion-square' }, en('2026-11-28T10:00'));
		expect(view.week).toBeNull();
		expect(view.state.alwaysOpen).toBe(true);
	});

	it('lists the events there in the next two weeks, including one already running', () => {
		const museum = venueView(snap, { slug: 'jining-museum' }, en('2026-11-28T10:00'));
		expect(museum.events.map((e) => e.slug)).toContain('special-exhibition-city-of-the-canal');
		const library = venueView(snap, { slug: 'jining-library' }, en('2026-11-28T10:00'));
		expect(library.events.map((e) => e.slug)).toContain('picture-book-story-time');
		// The family film was four days before the seed day: past, so not listed.
		expect(library.events.map((e) => e.slug)).not.toContain('library-family-film');
		expect(library.events.every((e) => e.venue?.slug === 'jining-library')).toBe(true);
		const late = venueView(snap, { slug: 'jining-library' }, en('2026-12-20T10:00'));
		expect(late.events.map((e) => e.slug)).not.toContain('picture-book-story-time');
	});

	it('carries the sample flags and the map settings', () => {
		const view = venueView(snap, { slug: 'jining-museum' }, en('2026-11-28T10:00'));
		expect(view).toMatchObject({ sample: true, positionApproximate: true });
		expect(view.settings.source).toBe('osm');
	});

	it('answers not found for an unknown slug and asks for a missing one', () => {
		expect(() => venueView(snap, { slug: 'no-such-place' }, en('2026-11-28T10:00'))).toThrow(
			ViewNotFoundError
		);
		expect(() => venueView(snap, {}, en('2026-11-28T10:00'))).toThrow(ViewParameterError);
	});

	it('falls back to Chinese text in Chinese', () => {
		const view = venueView(
			snap,
			{ slug: 'jining-museum' },
			{ lang: 'zh', now: '2026-11-28T10:00' }
		);
		expect(view.name).toBe('济宁市博物馆');
	});
});

describe('the map', () => {
	const view = mapView(snap, {}, en('2026-11-28T08:00'));

	it('groups every venue by kind, practical points as their own groups', () => {
		const ids = view.groups.map((g) => g.id);
		expect(ids).toEqual(
			expect.arrayContaining([
				'museum',
				'scenic_area',
				'parking',
				'toilet',
				'visitor_centre',
				'first_aid'
			])
		);
		expect(view.groups.find((g) => g.id === 'parking')).toMatchObject({
			practical: true,
			count: 3
		});
		expect(view.venues.every((p) => p.group === p.kind)).toBe(true);
		const total = view.groups.filter((g) => g.id !== 'event').reduce((n, g) => n + g.count, 0);
		expect(total).toBe(view.venues.length);
	});

	it('shows today’s events still to come, at their venue', () => {
		expect(view.groups[0]).toMatchObject({ id: 'event', count: view.events.length });
		const run = view.events.find((e) => e.slug === 'lakeside-morning-run');
		const pavilion = view.venues.find((p) => p.slug === 'beihu-pavilion-square');
		expect(run).toMatchObject({ group: 'event', position: pavilion?.position });
		expect(view.events.every((e) => e.start.slice(0, 10) <= '2026-11-28')).toBe(true);
		expect(view.events.every((e) => e.end > '2026-11-28T08:00')).toBe(true);
		expect(new Set(view.events.map((e) => e.key)).size).toBe(view.events.length);
	});

	it('drops today’s events that are over', () => {
		const evening = mapView(snap, {}, en('2026-11-28T21:00'));
		expect(evening.events.map((e) => e.slug)).not.toContain('lakeside-morning-run');
	});

	it('passes the map settings through', () => {
		expect(view.settings).toEqual(snap.settings.map);
	});
});
