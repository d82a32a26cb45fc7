import { describe, expect, it } from 'vitest';
import type { Event } from '$lib/content/schemas';
import { snapshotOf } from '$lib/content/snapshot';
import { minutesBetween } from '$lib/content/time';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import { festivalView } from '$lib/content/views/festival';
import { festivalsView } from '$lib/content/views/festivals';
import { sampleSnapshot } from '../helpers/snapshot';

// The sample lantern fair runs from a week before the seed day to five weeks after it.
const seedDay = '2026-11-28';
const snap = sampleSnapshot(seedDay);
const fair = 'spring-lantern-fair';
const en = (now: string) => ({ lang: 'en' as const, now });

function thrown(run: () => unknown): unknown {
	try {
		run();
	} catch (error) {
		return error;
	}
	throw new Error('expected the view to throw');
}

describe('the festivals list', () => {
	it('puts the running festival first, then upcoming ones, then past ones', () => {
		const view = festivalsView(snap, {}, en(`${seedDay}T12:00`));
		expect(view.current.map((f) => f.slug)).toEqual([fair]);
		expect(view.current[0].running).toBe(true);
		expect(view.upcoming.map((f) => f.slug)).toEqual(['lotus-season']);
		expect(view.past).toEqual([]);
	});

	it('moves a festival to the past once its last day is over', () => {
		const view = festivalsView(snap, {}, en('2027-12-31T12:00'));
		expect(view.past.map((f) => f.slug)).toEqual(['lotus-season', fair]);
		expect(view.current).toEqual([]);
	});
});

describe('a festival day as a grid', () => {
	// The day after the seed: a workshop at the library 10:00–11:30 and opera at the culture centre 19:30–21:00.
	const day = '2026-11-29';
	const view = festivalView(snap, { slug: fair, day }, en(`${seedDay}T12:00`));

	it('has a column for each venue with events that day, in the order their events start', () => {
		expect(view.grid?.columns.map((c) => c.slug)).toEqual([
			'jining-library',
			'jining-cultural-center'
		]);
		expect(view.grid?.columns.map((c) => c.name)).toEqual(['Jining Library', expect.any(String)]);
	});

	it('has rows from the earliest start to the latest end of the day', () => {
		expect(view.grid?.slotMinutes).toBe(30);
		expect(view.grid?.rows[0]).toBe('10:00');
		expect(view.grid?.rows.at(-1)).toBe('20:30');
		expect(view.grid?.rows).toHaveLength(22);
	});

	it('spans each event over as many rows as it lasts', () => {
		const grid = view.grid!;
		expect(grid.blocks).toHaveLength(2);
		for (const block of grid.blocks) {
			const minutes = minutesBetween(block.event.start, block.event.end);
			expect(block.span * grid.slotMinutes).toBe(minutes);
		}
		const opera = grid.blocks.find((b) => b.event.slug === 'lu-opera-evening-1')!;
		expect(grid.rows[opera.row]).toBe('19:30');
		expect(opera.lane).toBe(1);
	});

	it('uses quarter-hour rows when an event starts or ends on a quarter hour', () => {
		// Two days after the seed: a 45-minute dragon dance from 15:00.
		const grid = festivalView(
			snap,
			{ slug: fair, day: '2026-11-30' },
			en(`${seedDay}T12:00`)
		).grid!;
		expect(grid.slotMinutes).toBe(15);
		const dance = grid.blocks.find((b) => b.event.slug === 'dragon-dance-jizhou')!;
		expect(dance.span).toBe(3);
		expect(grid.rows[0]).toBe('15:00');
	});

	it('keeps cancelled events in the grid, marked as cancelled', () => {
		const grid = festivalView(
			snap,
			{ slug: fair, day: '2026-12-07' },
			en(`${seedDay}T12:00`)
		).grid!;
		const walk = grid.blocks.find((b) => b.event.slug === 'night-photography-walk-2')!;
		expect(walk.event.status).toBe('cancelled');
		expect(walk.event.statusReason).toMatch(/wind/);
	});

	it('puts all-day events above the grid, not in it', () => {
		const today = festivalView(snap, { slug: fair }, en(`${seedDay}T12:00`));
		expect(today.allDay.map((e) => e.slug)).toEqual(['folk-art-market-1']);
		expect(today.grid?.blocks.map((b) => b.event.slug)).toEqual(['lantern-riddles-beihu-1']);
		expect(today.grid?.columns.map((c) => c.slug)).toEqual(['beihu-pavilion-square']);
	});

	it('sets overlapping events at one venue side by side', () => {
		const base = snap.events.find((e) => e.slug === 'lu-opera-evening-1')!;
		const overlap: Event = {
			...base,
			id: 'evt_overlap01',
			slug: 'opera-encore',
			start: '2026-11-29T20:00',
			end: '2026-11-29T21:30'
		};
		const withOverlap = snapshotOf({ ...snap, events: [...snap.events, overlap] });
		const grid = festivalView(withOverlap, { slug: fair, day }, en(`${seedDay}T12:00`)).grid!;
		const centre = grid.columns.find((c) => c.slug === 'jining-cultural-center')!;
		expect(centre.lanes).toBe(2);
		expect(grid.lanes).toBe(3);
		const lanes = grid.blocks.filter((b) => b.event.venue?.slug === centre.slug).map((b) => b.lane);
		expect(new Set(lanes).size).toBe(2);
	});
});

describe('now on a festival day', () => {
	it('draws the now line where the current time falls on the current day', () => {
		const view = festivalView(snap, { slug: fair }, en('2026-11-29T11:00'));
		expect(view.day).toBe('2026-11-29');
		expect(view.isToday).toBe(true);
		// Rows start at 10:00 and are 30 minutes: 11:00 is two rows down.
		expect(view.grid?.now).toEqual({ time: '11:00', rows: 2 });
		const between = festivalView(snap, { slug: fair }, en('2026-11-29T10:45'));
		expect(between.grid?.now?.rows).toBe(1.5);
	});

	it('draws no now line on another day', () => {
		const view = festivalView(snap, { slug: fair, day: '2026-11-30' }, en('2026-11-29T11:00'));
		expect(view.isToday).toBe(false);
		expect(view.grid?.now).toBeUndefined();
		expect(view.events.every((e) => e.live === undefined)).toBe(true);
	});

	it('draws no now line before the day’s programme starts', () => {
		const view = festivalView(snap, { slug: fair }, en('2026-11-29T08:00'));
		expect(view.grid?.now).toBeUndefined();
	});

	it('highlights in the list the events running now and the next one to start', () => {
		const view = festivalView(snap, { slug: fair }, en('2026-11-29T10:30'));
		expect(view.events.map((e) => [e.slug, e.live])).toEqual([
			['kids-lantern-workshop-1', 'now'],
			['lu-opera-evening-1', 'next']
		]);
	});

	it('never calls a cancelled event next', () => {
		const view = festivalView(snap, { slug: fair }, en('2026-12-07T12:00'));
		const walk = view.events.find((e) => e.slug === 'night-photography-walk-2')!;
		expect(walk.live).toBeUndefined();
	});
});

describe('the festival day parameter', () => {
	it('defaults to today while the festival runs, else to its first day', () => {
		expect(festivalView(snap, { slug: fair }, en(`${seedDay}T12:00`)).day).toBe(seedDay);
		expect(festivalView(snap, { slug: fair }, en('2026-01-01T12:00')).day).toBe('2026-11-21');
		expect(festivalView(snap, { slug: 'lotus-season' }, en(`${seedDay}T12:00`)).day).toBe(
			'2027-01-27'
		);
	});

	it('lists every day of the festival with its number of events', () => {
		const view = festivalView(snap, { slug: fair }, en(`${seedDay}T12:00`));
		expect(view.days[0]).toEqual({ date: '2026-11-21', count: 1 });
		expect(view.days.at(-1)?.date).toBe('2027-01-02');
		expect(view.days).toHaveLength(43);
		expect(view.days.find((d) => d.date === seedDay)?.count).toBe(2);
	});

	it('rejects a day outside the festival', () => {
		const error = thrown(() =>
			festivalView(snap, { slug: fair, day: '2026-11-20' }, en(`${seedDay}T12:00`))
		);
		expect(error).toBeInstanceOf(ViewParameterError);
		expect((error as ViewParameterError).parameter).toBe('day');
	});

	it('rejects a day that is not a date', () => {
		const error = thrown(() =>
			festivalView(snap, { slug: fair, day: '2026-11-31' }, en(`${seedDay}T12:00`))
		);
		expect(error).toBeInstanceOf(ViewParameterError);
	});

	it('answers not found for an unknown festival', () => {
		expect(
			thrown(() => festivalView(snap, { slug: 'no-such-fair' }, en(`${seedDay}T12:00`)))
		).toBeInstanceOf(ViewNotFoundError);
	});
});

describe('the festival in Chinese', () => {
	it('falls back to Chinese names and lists each event once for schema.org', () => {
		const view = festivalView(snap, { slug: fair }, { lang: 'zh', now: `${seedDay}T12:00` });
		expect(view.festival.name).toBe('太白湖新春灯会');
		const slugs = view.subEvents.map((e) => e.slug);
		expect(new Set(slugs).size).toBe(slugs.length);
		expect(slugs).toContain('lantern-fair-closing-night');
	});
});
