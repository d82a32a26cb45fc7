import { describe, expect, test } from 'vitest';
import { snapshotOf } from '$lib/content/snapshot';
import { weekday } from '$lib/content/time';
import { addBack, dayPlan, moveItem, orderDay, toggleLock } from '$lib/planner/day';
import type { Plan } from '$lib/planner/plan';
import { planOf } from '../helpers/plan';
import { sampleSnapshot } from '../helpers/snapshot';

// The sample content seeded on Saturday 28 November 2026.
const snap = sampleSnapshot('2026-11-28');
const monday = '2026-11-30';
const friday = '2026-12-04';
const museum = 'ven_jiningmuseum';

const plan = planOf;

describe('planning a day from the guide’s content', () => {
	test('a museum on a Monday is left out: closed that day', () => {
		expect(weekday(monday)).toBe(1);
		const { plan: ordered } = orderDay(
			snap,
			plan(monday, [
				{ type: 'venue', id: museum },
				{ type: 'venue', id: 'ven_jizhouoldstreet' }
			])
		);
		const view = dayPlan(snap, ordered);
		expect(view.rows.map((r) => r.day.item.id)).toEqual(['ven_jizhouoldstreet']);
		expect(view.left).toEqual([expect.objectContaining({ reason: { code: 'closed_day' } })]);
		expect(view.left[0].day.item).toEqual({ type: 'venue', id: museum, left: true });
	});

	test('the same museum fits on the Tuesday, for its typical visit, within its hours', () => {
		const view = dayPlan(
			snap,
			orderDay(snap, plan('2026-12-01', [{ type: 'venue', id: museum }])).plan
		);
		expect(view.left).toEqual([]);
		const [row] = view.rows;
		expect(row.visit.end - row.visit.start).toBe(150);
		expect(row.visit.start).toBeGreaterThanOrEqual(8 * 60 + 30);
		expect(row.visit.end).toBeLessThanOrEqual(17 * 60 + 30);
	});

	test('a visit that only fits before an evening show but cannot reach it says so', () => {
		const show = snap.events.find((e) => e.slug === 'shandong-kuaishu-and-folk-music')!;
		const { plan: ordered } = orderDay(
			snap,
			plan(
				friday,
				[
					{ type: 'event', id: show.id, at: `${friday}T19:30` },
					{ type: 'venue', id: 'ven_jizhouoldstreet' }
				],
				{ from: '18:00', to: '21:30', start: { kind: 'venue', venueId: 'ven_culturalcenter' } }
			)
		);
		const view = dayPlan(snap, ordered);
		expect(view.rows.map((r) => r.day.item.id)).toEqual([show.id]);
		expect(view.rows[0].visit.start).toBe(19 * 60 + 30);
		const [left] = view.left;
		expect(left.reason).toEqual({
			code: 'no_time_before',
			other: view.rows[0].day.stop,
			travel: expect.any(Number)
		});
		expect((left.reason as { travel: number }).travel).toBeGreaterThan(15);
	});

	test('events stay at their times and venues fill the day around them', () => {
		const talk = snap.events.find((e) => e.slug === 'museum-talk-lanterns')!;
		const date = talk.start.slice(0, 10);
		const { plan: ordered } = orderDay(
			snap,
			plan(date, [
				{ type: 'venue', id: 'ven_jininglibrary' },
				{ type: 'event', id: talk.id, at: talk.start },
				{ type: 'venue', id: 'ven_jiningartmuseum' },
				{ type: 'venue', id: 'ven_beihupavilion' }
			])
		);
		const view = dayPlan(snap, ordered);
		expect(view.left).toEqual([]);
		expect(view.schedule.feasible).toBe(true);
		const talkRow = view.rows.find((r) => r.day.item.id === talk.id)!;
		expect(talkRow.visit.start).toBe(14 * 60);
	});

	test('moving a stop recomputes the times at once and flags what no longer works', () => {
		const ordered = orderDay(
			snap,
			plan(
				'2026-12-01',
				[
					{ type: 'venue', id: 'ven_jizhouoldstreet' },
					{ type: 'venue', id: museum }
				],
				{ from: '13:00', to: '20:00' }
			)
		).plan;
		const before = dayPlan(snap, ordered);
		expect(before.rows.map((r) => r.day.item.id)).toEqual([museum, 'ven_jizhouoldstreet']);
		const swapped = dayPlan(snap, moveItem(ordered, 0, 1));
		expect(swapped.rows.map((r) => r.day.item.id)).toEqual(['ven_jizhouoldstreet', museum]);
		expect(swapped.rows[0].visit.start).toBeLessThan(before.rows[1].visit.start);
		// After 90 minutes in the old street the museum closes before a 150-minute visit ends.
		expect(swapped.rows[1].visit.issue).toEqual({ code: 'closed' });
	});

	test('a locked visit keeps its time when the day is ordered again', () => {
		const first = orderDay(
			snap,
			plan('2026-12-01', [
				{ type: 'venue', id: 'ven_jininglibrary' },
				{ type: 'venue', id: 'ven_jiningartmuseum' }
			])
		).plan;
		const index = first.items.findIndex((i) => i.id === 'ven_jiningartmuseum');
		const locked = toggleLock(snap, { ...first, items: first.items }, index);
		const at = locked.items[index].lockedAt!;
		const moved = {
			...locked,
			items: locked.items.map((i) => (i.lockedAt ? { ...i, lockedAt: '15:00' } : i))
		};
		const again = dayPlan(snap, orderDay(snap, moved).plan);
		const art = again.rows.find((r) => r.day.item.id === 'ven_jiningartmuseum')!;
		expect(at).toMatch(/^\d\d:\d\d$/);
		expect(art.visit.start).toBe(15 * 60);
	});

	test('a cancelled or moved saved event is flagged, not planned', () => {
		const talk = snap.events.find((e) => e.slug === 'museum-talk-lanterns')!;
		const date = talk.start.slice(0, 10);
		const changed = snapshotOf({
			...snap,
			events: snap.events.map((e) =>
				e.id === talk.id
					? { ...e, status: 'cancelled' as const, statusReason: { zh: '取消', en: undefined } }
					: e
			)
		});
		const view = dayPlan(changed, plan(date, [{ type: 'event', id: talk.id, at: talk.start }]));
		expect(view.left.map((l) => l.reason)).toEqual([{ code: 'cancelled' }]);
		const elsewhere = dayPlan(
			snap,
			plan(date, [{ type: 'event', id: talk.id, at: `${date}T10:00` }])
		);
		expect(elsewhere.left.map((l) => l.reason)).toEqual([{ code: 'moved', to: talk.start }]);
	});

	test('a left-out stop added back goes where it costs least', () => {
		const ordered = orderDay(
			snap,
			plan(
				'2026-12-01',
				[
					{ type: 'venue', id: 'ven_jininglibrary' },
					{ type: 'venue', id: 'ven_jiningartmuseum' },
					{ type: 'venue', id: 'ven_lakesidepark' }
				],
				{ meal: false }
			)
		).plan;
		const withLeft: Plan = {
			...ordered,
			items: [
				...ordered.items.filter((i) => i.id !== 'ven_lakesidepark'),
				{ type: 'venue', id: 'ven_lakesidepark', left: true }
			]
		};
		const back = dayPlan(snap, addBack(snap, withLeft, withLeft.items.length - 1));
		expect(back.left).toEqual([]);
		expect(back.rows).toHaveLength(3);
		expect(back.schedule.cost).toBe(dayPlan(snap, ordered).schedule.cost);
	});

	test('a drop-in exhibition is visited while it runs and its museum is open, and can be locked', () => {
		const exhibition = snap.eventBySlug('special-exhibition-city-of-the-canal')!;
		const tuesday = dayPlan(
			snap,
			plan('2026-12-01', [{ type: 'event', id: exhibition.id, minutes: 45, lockedAt: '10:00' }])
		);
		expect(tuesday.rows[0].visit).toMatchObject({ start: 10 * 60, end: 10 * 60 + 45 });
		const closed = dayPlan(
			snap,
			plan(monday, [{ type: 'event', id: exhibition.id, minutes: 45, lockedAt: '10:00' }])
		);
		expect(closed.left.map((l) => l.reason)).toEqual([{ code: 'closed_at', at: '10:00' }]);
		const free = dayPlan(
			snap,
			orderDay(snap, plan(monday, [{ type: 'event', id: exhibition.id }])).plan
		);
		expect(free.left.map((l) => l.reason)).toEqual([{ code: 'closed_day' }]);
	});
});
