import { describe, expect, it } from 'vitest';
import type { z } from '$lib/content/zod';
import { pathLengthM } from '$lib/content/geo';
import { allStarts } from '$lib/content/recurrence';
import {
	eventInput,
	festivalInput,
	practicalKinds,
	tourInput,
	venueInput
} from '$lib/content/schemas';
import { holidayCalendar } from '$lib/content/holidays';
import { openIntervals } from '$lib/content/opening-hours';
import { occurrences } from '$lib/content/recurrence';
import { addDays, weekday } from '$lib/content/time';
import { holidays2026 } from '$lib/server/seed/data/holidays';
import { sampleEvents } from '$lib/server/seed/data/events';
import { sampleFestivals } from '$lib/server/seed/data/festivals';
import { sampleTours } from '$lib/server/seed/data/tours';
import { sampleVenues } from '$lib/server/seed/data/venues';

function expectValid(schema: z.ZodMiniType, record: { id: string }) {
	const result = schema.safeParse(record);
	const issues = result.success ? '' : JSON.stringify(result.error.issues, null, 2);
	expect(result.success, `${record.id} is invalid:\n${issues}`).toBe(true);
}

function expectUnique(records: { id: string; slug: string }[]) {
	const ids = records.map((r) => r.id);
	const slugs = records.map((r) => r.slug);
	expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
	expect(slugs.filter((slug, i) => slugs.indexOf(slug) !== i)).toEqual([]);
}

const venueIds = new Set(sampleVenues.map((v) => v.id));

describe('the sample venues', () => {
	it('all satisfy the venue input schema', () => {
		for (const venue of sampleVenues) expectValid(venueInput, venue);
	});

	it('have unique ids and slugs', () => {
		expectUnique(sampleVenues);
	});

	it('include at least 14 places to visit and 8 practical points', () => {
		const practical = sampleVenues.filter((v) => practicalKinds.includes(v.kind));
		expect(sampleVenues.length - practical.length).toBeGreaterThanOrEqual(14);
		expect(practical.length).toBeGreaterThanOrEqual(8);
		for (const kind of ['visitor_centre', 'parking', 'toilet', 'first_aid'] as const) {
			expect(
				practical.some((v) => v.kind === kind),
				kind
			).toBe(true);
		}
	});

	it('are all published sample data with approximate positions', () => {
		for (const venue of sampleVenues) {
			expect(venue, venue.id).toMatchObject({
				sample: true,
				positionApproximate: true,
				status: 'published'
			});
		}
	});

	it('lie in the district or the old city just north of it', () => {
		for (const { id, position } of sampleVenues) {
			expect(position.lon, id).toBeGreaterThanOrEqual(116.52);
			expect(position.lon, id).toBeLessThanOrEqual(116.7);
			expect(position.lat, id).toBeGreaterThanOrEqual(35.28);
			expect(position.lat, id).toBeLessThanOrEqual(35.42);
		}
	});

	it('give Jining Museum its documented hours, closed on Mondays except public holidays', () => {
		const museum = sampleVenues.find((v) => v.id === 'ven_jiningmuseum');
		expect(museum?.openingHours).toBe('May-Sep Tu-Su,PH 08:30-18:00; Oct-Apr Tu-Su,PH 08:30-17:30');
		expect(museum?.price).toEqual({ free: true });
	});
});

describe('the sample tours', () => {
	it('all satisfy the tour input schema', () => {
		for (const tour of sampleTours) expectValid(tourInput, tour);
	});

	it('have unique ids and slugs', () => {
		expectUnique(sampleTours);
	});

	it('only stop at venues that exist', () => {
		for (const tour of sampleTours) {
			for (const stop of tour.stops) {
				if (stop.venueId) expect(venueIds.has(stop.venueId), stop.venueId).toBe(true);
			}
		}
	});

	it('have a distance that matches the drawn path within 1 m', () => {
		for (const tour of sampleTours) {
			expect(Math.abs(tour.distanceM - pathLengthM(tour.path)), tour.id).toBeLessThanOrEqual(1);
		}
	});

	it('draw a path through every stop in order', () => {
		for (const tour of sampleTours) {
			let from = 0;
			for (const stop of tour.stops) {
				const position =
					stop.point?.position ?? sampleVenues.find((v) => v.id === stop.venueId)?.position;
				const index = tour.path.coordinates.findIndex(
					([lon, lat], i) => i >= from && lon === position?.lon && lat === position?.lat
				);
				expect(index, `${tour.id} misses a stop`).toBeGreaterThanOrEqual(from);
				from = index;
			}
			expect(tour.path.coordinates.length, tour.id).toBeGreaterThanOrEqual(8);
		}
	});

	it('feature three of the four tours', () => {
		expect(sampleTours).toHaveLength(4);
		expect(sampleTours.filter((t) => t.featured)).toHaveLength(3);
	});
});

describe.each(['2026-11-28', '2026-02-10'])('the sample programme seeded on %s', (today) => {
	const festivals = sampleFestivals(today);
	const events = sampleEvents(today);

	it('has festivals that satisfy the festival input schema', () => {
		for (const festival of festivals) expectValid(festivalInput, festival);
		expectUnique(festivals);
	});

	it('runs the lantern fair from a week ago to five weeks ahead', () => {
		const fair = festivals.find((f) => f.id === 'fes_lanternfair');
		expect(fair?.startDate).toBe(addDays(today, -7));
		expect(fair?.endDate).toBe(addDays(today, 35));
	});

	it('has events that satisfy the event input schema', () => {
		for (const event of events) expectValid(eventInput, event);
	});

	it('has unique event ids and slugs', () => {
		expectUnique(events);
	});

	it('only refers to venues and festivals that exist, within the festival dates', () => {
		const festivalsById = new Map(festivals.map((f) => [f.id, f]));
		for (const event of events) {
			if (event.venueId) expect(venueIds.has(event.venueId), event.id).toBe(true);
			if (event.festivalId) {
				const festival = festivalsById.get(event.festivalId);
				expect(festival, event.id).toBeDefined();
				expect(event.start.slice(0, 10) >= festival!.startDate, event.id).toBe(true);
				expect(event.start.slice(0, 10) <= festival!.endDate, event.id).toBe(true);
			}
		}
	});

	it('has at least 40 events, with something on every one of the next 14 days', () => {
		expect(events.length).toBeGreaterThanOrEqual(40);
		const days = new Set(events.flatMap((e) => allStarts(e).map((start) => start.slice(0, 10))));
		for (let n = 0; n < 14; n++) expect(days.has(addDays(today, n)), addDays(today, n)).toBe(true);
		expect(events.some((e) => e.start < today)).toBe(true);
	});

	it('has an event tomorrow evening at 19:30', () => {
		expect(events.some((e) => e.start === `${addDays(today, 1)}T19:30`)).toBe(true);
	});

	it('has exactly one recurring event, with one cancelled date among its occurrences', () => {
		const recurring = events.filter((e) => e.rrule);
		expect(recurring).toHaveLength(1);
		const [weekly] = recurring;
		const starts = allStarts(weekly);
		expect(starts).toHaveLength(8);
		expect(weekday(weekly.start.slice(0, 10))).toBe(6);
		expect(weekly.start.slice(0, 10) >= today).toBe(true);
		expect(weekly.start.slice(0, 10) < addDays(today, 7)).toBe(true);
		expect(weekly.exdates).toEqual([starts[2]]);
	});

	it('has one cancelled and one postponed event, each with a reason', () => {
		const cancelled = events.filter((e) => e.status === 'cancelled');
		const postponed = events.filter((e) => e.status === 'postponed');
		expect(cancelled).toHaveLength(1);
		expect(postponed).toHaveLength(1);
		expect(cancelled[0].statusReason?.en).toBeTruthy();
		expect(postponed[0].previousStart).toBeDefined();
		expect(postponed[0].start > postponed[0].previousStart!).toBe(true);
	});

	it('mixes free and paid events, some of them all-day', () => {
		expect(events.some((e) => e.price.free)).toBe(true);
		expect(events.some((e) => !e.price.free && e.price.amountCny === 30)).toBe(true);
		expect(events.some((e) => e.allDay)).toBe(true);
		expect(events.some((e) => e.festivalId === 'fes_lanternfair')).toBe(true);
		expect(events.some((e) => !e.festivalId)).toBe(true);
	});

	it('marks every event as sample data', () => {
		for (const event of events) expect(event.sample, event.id).toBe(true);
	});
});

describe('the sample programme, seeded on any day', () => {
	const calendar = holidayCalendar([holidays2026]);
	const hours = new Map(sampleVenues.map((v) => [v.id, v.openingHours]));
	// Every weekday many times over, the Spring Festival and the National Day weeks.
	const days = (from: string, count: number) =>
		Array.from({ length: count }, (_, i) => addDays(from, i));
	const seedDays = [...days('2026-01-01', 75), ...days('2026-09-18', 25)];

	/** Every occurrence of a seeded event at a venue with opening hours that falls when it is closed. */
	function whenClosed(today: string): string[] {
		const found: string[] = [];
		for (const event of sampleEvents(today)) {
			const rule = hours.get(event.venueId ?? '');
			if (!rule) continue;
			const from = `${addDays(today, -30)}T00:00`;
			const to = `${addDays(today, 60)}T00:00`;
			for (const o of occurrences({ ...event, exdates: event.exdates ?? [] }, from, to)) {
				const open = openIntervals(
					rule,
					o.start.slice(0, 10),
					addDays(o.end.slice(0, 10), 1),
					calendar
				);
				// A long or all-day event (an exhibition) needs the venue open at some point of it; a
				// talk or a workshop needs it open from start to end.
				const long = event.allDay || Date.parse(o.end) - Date.parse(o.start) > 3 * 3600_000;
				const ok = long
					? open.some((i) => i.start < o.end && o.start < i.end)
					: open.some((i) => i.start <= o.start && o.end <= i.end);
				if (!ok) found.push(`${event.slug} on ${o.start} (${rule})`);
			}
		}
		return found;
	}

	it('never puts an event when its venue is closed', () => {
		const found = seedDays.flatMap((today) =>
			whenClosed(today).map((f) => `seeded ${today}: ${f}`)
		);
		expect(found).toEqual([]);
	});
});
