import { describe, expect, test } from 'vitest';
import {
	addBack,
	dayPlan,
	keepHours,
	orderDay,
	setKeepHours,
	setMeal,
	withMeal
} from '$lib/planner/day';
import { fixFor } from '$lib/planner/fixes';
import { eatingVenues } from '$lib/planner/meal';
import { lunchWindow } from '$lib/planner/meal-window';
import type { Plan } from '$lib/planner/plan';
import { decodePlan, encodePlan } from '$lib/planner/share';
import { planOf } from '../helpers/plan';
import { sampleSnapshot } from '../helpers/snapshot';

// The sample content seeded on Saturday 28 November 2026: the Lü opera is on Sunday the 29th at
// 19:30 in the culture centre, the Snack Fair on Tuesday 1 December 11:00–14:00.
const snap = sampleSnapshot('2026-11-28');
const sunday = '2026-11-29';
const tuesday = '2026-12-01';
const opera = snap.eventBySlug('lu-opera-evening-1')!;
const snackFair = snap.eventBySlug('jining-snack-fair')!;

const plan = planOf;

const venue = (id: string) => ({ type: 'venue' as const, id });
const ids = (p: Plan) => dayPlan(snap, p).rows.map((r) => r.day.item.id);

describe('a fixed-time item the visitor chose', () => {
	const day = plan(sunday, [
		{ type: 'event', id: opera.id, at: opera.start },
		venue('ven_jiningmuseum')
	]);

	test('stretches the day to include it: the 19:30 opera is planned, the day ends at 21:00', () => {
		const ordered = orderDay(snap, day).plan;
		const view = dayPlan(snap, ordered);
		expect(view.left).toEqual([]);
		const row = view.rows.find((r) => r.day.item.id === opera.id)!;
		expect(row.visit.start).toBe(19 * 60 + 30);
		expect(view.day.stretch.to).toEqual({
			minutes: 21 * 60,
			index: ordered.items.findIndex((i) => i.id === opera.id)
		});
	});

	test('kept inside the visitor’s hours, is left out with one fix: end at 21:00', () => {
		const kept = keepHours(snap, orderDay(snap, day).plan);
		expect(kept.keepHours).toBe(true);
		const view = dayPlan(snap, kept);
		expect(view.rows.map((r) => r.day.item.id)).not.toContain(opera.id);
		const [left] = view.left;
		expect(left.day.item.id).toBe(opera.id);
		expect(left.reason).toEqual({ code: 'outside_day' });
		expect(fixFor(view, left.day, left.reason as never)).toEqual({ endAt: 21 * 60 });
	});
});

describe('the meal break', () => {
	const museumDay = plan(tuesday, [
		venue('ven_jiningmuseum'),
		venue('ven_jininglibrary'),
		venue('ven_jiningartmuseum')
	]);

	test('is planned for a day out over lunch: 45 minutes between 11:30 and 13:30, at a place to eat', () => {
		const view = dayPlan(snap, orderDay(snap, museumDay).plan);
		const meal = view.rows.find((r) => r.day.item.type === 'meal')!;
		expect(meal.visit.end - meal.visit.start).toBe(45);
		expect(meal.visit.start).toBeGreaterThanOrEqual(lunchWindow.start);
		expect(meal.visit.end).toBeLessThanOrEqual(lunchWindow.end);
		const venue = meal.day.meal?.spot?.venue;
		expect(eatingVenues(snap, tuesday).map((v) => v.id)).toContain(venue?.id);
		expect(view.left).toEqual([]);
		expect(view.schedule.feasible).toBe(true);
	});

	test('is added where the day has a gap, even before the day is ordered', () => {
		const normalised = withMeal(snap, orderDay(snap, { ...museumDay, meal: false }).plan);
		expect(normalised.items.some((i) => i.type === 'meal')).toBe(false);
		const on = setMeal(snap, { ...museumDay, meal: false }, true);
		expect(on.meal).toBeUndefined();
		expect(dayPlan(snap, on).rows.some((r) => r.day.item.type === 'meal')).toBe(true);
	});

	test('is not planned for a morning that ends before lunch', () => {
		const morning = orderDay(snap, plan(tuesday, [venue('ven_jininglibrary')])).plan;
		expect(morning.items.map((i) => i.type)).toEqual(['venue']);
		expect(withMeal(snap, morning)).toBe(morning);
	});

	test('is not planned beside a food event over lunch: the Snack Fair is lunch', () => {
		expect(snackFair.start).toBe(`${tuesday}T11:00`);
		const ordered = orderDay(
			snap,
			plan(tuesday, [
				{ type: 'event', id: snackFair.id, at: snackFair.start },
				venue('ven_jiningmuseum')
			])
		).plan;
		expect(ordered.items.some((i) => i.type === 'meal')).toBe(false);
	});

	test('turned off, stays off when the day is ordered again', () => {
		const off = setMeal(snap, orderDay(snap, museumDay).plan, false);
		expect(off.meal).toBe(false);
		const again = orderDay(snap, off).plan;
		expect(again.items.some((i) => i.type === 'meal')).toBe(false);
		expect(ids(again)).toHaveLength(3);
	});

	test('travels in a share link with the day’s settings', () => {
		const ordered = setKeepHours(orderDay(snap, museumDay).plan, true);
		const decoded = decodePlan(encodePlan(ordered));
		expect(decoded.items).toEqual(ordered.items);
		expect(decoded.keepHours).toBe(true);
		expect(decodePlan(encodePlan({ ...ordered, meal: false })).meal).toBe(false);
	});
});

describe('something that does not fit', () => {
	const short = plan(tuesday, [venue('ven_jiningmuseum'), venue('ven_jininglibrary')], {
		to: '13:00',
		meal: false
	});

	test('offers to drop the other stop or end the day later, and either makes it fit', () => {
		const ordered = orderDay(snap, short).plan;
		const view = dayPlan(snap, ordered);
		expect(view.left).toHaveLength(1);
		const [left] = view.left;
		expect(left.reason).toEqual({ code: 'day_full' });
		const fix = fixFor(view, left.day, left.reason as never);
		expect(fix.drop).toBe(view.rows[0].day.index);
		expect(fix.endAt).toBeGreaterThan(13 * 60);
		expect(fix.endAt! % 15).toBe(0);

		const later = addBack(
			snap,
			{
				...ordered,
				to: `${Math.floor(fix.endAt! / 60)}:${String(fix.endAt! % 60).padStart(2, '0')}`
			},
			left.day.index
		);
		expect(dayPlan(snap, later).left).toEqual([]);
		expect(dayPlan(snap, later).schedule.feasible).toBe(true);
		// A quarter of an hour earlier would not have been enough.
		const earlier = fix.endAt! - 15;
		const tooEarly = addBack(
			snap,
			{ ...ordered, to: `${Math.floor(earlier / 60)}:${String(earlier % 60).padStart(2, '0')}` },
			left.day.index
		);
		expect(dayPlan(snap, tooEarly).schedule.feasible).toBe(false);
	});

	test('offers nothing for a museum closed all day', () => {
		const view = dayPlan(
			snap,
			orderDay(snap, plan('2026-11-30', [venue('ven_jiningmuseum')])).plan
		);
		const [left] = view.left;
		expect(fixFor(view, left.day, left.reason as never)).toEqual({});
	});
});
