import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { dayPlan, orderDay } from '$lib/planner/day';
import { planCalendar } from '$lib/planner/ics';
import type { Plan } from '$lib/planner/plan';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const talk = snap.events.find((e) => e.slug === 'museum-talk-lanterns')!;
const date = talk.start.slice(0, 10);

const plan: Plan = {
	date,
	start: { kind: 'venue', venueId: 'ven_beihupavilion' },
	from: '09:00',
	to: '18:00',
	mode: 'walk',
	items: [
		{ type: 'venue', id: 'ven_jininglibrary' },
		{ type: 'event', id: talk.id, at: talk.start }
	]
};

function parse(ics: string) {
	return new ICAL.Component(ICAL.parse(ics));
}

describe('a day plan as a calendar file', () => {
	const view = dayPlan(snap, orderDay(snap, plan).plan);
	const ics = planCalendar(view, {
		lang: 'en',
		name: 'My day',
		visitTitle: (n) => `Visit: ${n}`,
		mealTitle: 'Lunch break'
	});

	test('parses back with one entry per planned stop, at Shanghai wall-clock times', () => {
		const calendar = parse(ics);
		const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		// The library in the morning, the talk at 14:00 and lunch in between.
		expect(events).toHaveLength(3);
		const lunch = events.find((e) => e.summary === 'Lunch break')!;
		expect(lunch.endDate.subtractDate(lunch.startDate).toSeconds()).toBe(45 * 60);
		const show = events.find((e) => e.summary === talk.title.en)!;
		expect(show.startDate.toString()).toBe(`${date}T14:00:00`);
		expect(show.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
		const visit = events.find((e) => e.summary === 'Visit: Jining Library')!;
		expect(visit).toBeDefined();
		expect(visit.endDate.subtractDate(visit.startDate).toSeconds()).toBe(60 * 60);
		expect(calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid')).toBe(
			'Asia/Shanghai'
		);
	});

	test('gives every entry a UID that stays the same when the plan is exported again', () => {
		const uids = (text: string) =>
			parse(text)
				.getAllSubcomponents('vevent')
				.map((v) => v.getFirstPropertyValue('uid'));
		const again = planCalendar(dayPlan(snap, orderDay(snap, plan).plan), {
			lang: 'zh',
			name: '我的一天'
		});
		expect(uids(again)).toEqual(uids(ics));
		expect(new Set(uids(ics)).size).toBe(3);
		expect(uids(ics)[0]).toMatch(new RegExp(`^plan-${date}-.+@taibai-lake-guide$`));
	});

	test('places each entry where it happens, with coordinates', () => {
		const [first] = parse(ics).getAllSubcomponents('vevent');
		expect(first.getFirstPropertyValue('location')).toBeTruthy();
		expect(first.getFirstPropertyValue('geo')).toBeTruthy();
	});
});
