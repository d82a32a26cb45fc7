import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { eventsCalendar } from '$lib/content/ics';
import { dayPlan, orderDay } from '$lib/planner/day';
import { planCalendar } from '$lib/planner/ics';
import { itemKey, type Plan } from '$lib/planner/plan';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const venues = new Map(snap.venues.map((v) => [v.id, v]));

function vevents(ics: string) {
	return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent');
}

describe('reminders in calendar files', () => {
	it('gives every event a display alarm at the chosen lead time before its Shanghai start', () => {
		const events = snap.events.filter((e) => e.status === 'published').slice(0, 3);
		const ics = eventsCalendar(events, {
			name: 'x',
			lang: 'en',
			venues,
			alarmMinutes: 30,
			alarmText: (title, minutes) => `In ${minutes} minutes: ${title}`
		});
		const parsed = vevents(ics);
		expect(parsed).toHaveLength(3);
		for (const vevent of parsed) {
			expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
			const alarm = vevent.getFirstSubcomponent('valarm');
			expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
			const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
			expect(trigger.toSeconds()).toBe(-30 * 60);
			expect(String(alarm?.getFirstPropertyValue('description'))).toMatch(/^In 30 minutes: /);
		}
	});

	it('reminds of an all-day event on the morning of its day, the lead time before 09:00', () => {
		const published = snap.events.find((e) => e.status === 'published' && !e.allDay)!;
		const fair = { ...published, allDay: true, start: '2026-12-05T00:00', end: '2026-12-07T00:00' };
		const [vevent] = vevents(
			eventsCalendar([fair], {
				name: 'x',
				lang: 'en',
				venues,
				alarmMinutes: 30,
				alarmText: () => 'wrong text for an all-day event',
				allDayAlarmText: (title) => `Today: ${title}`
			})
		);
		expect(vevent.getFirstProperty('dtstart')?.type).toBe('date');
		const alarm = vevent.getFirstSubcomponent('valarm');
		const trigger = alarm?.getFirstPropertyValue('trigger') as ICAL.Duration;
		// 08:30 on the day: 8.5 hours after the all-day start, not 30 minutes before midnight.
		expect(trigger.toSeconds()).toBe((9 * 60 - 30) * 60);
		expect(alarm?.getFirstProperty('trigger')?.getParameter('related') ?? 'START').toBe('START');
		expect(String(alarm?.getFirstPropertyValue('description'))).toBe(
			`Today: ${vevent.getFirstPropertyValue('summary')}`
		);
	});

	it('gives each event its own lead time when the visitor chose one per event, with a real DTSTAMP', () => {
		const [a, b] = snap.events.filter((e) => e.status === 'published' && !e.allDay);
		const leads: Record<string, number> = { [a.id]: 60, [b.id]: 0 };
		const parsed = vevents(
			eventsCalendar([a, b], {
				name: 'x',
				lang: 'zh',
				venues,
				alarmMinutes: (event) => leads[event.id]
			})
		);
		const trigger = parsed[0]
			.getFirstSubcomponent('valarm')
			?.getFirstPropertyValue('trigger') as ICAL.Duration;
		expect(trigger.toSeconds()).toBe(-60 * 60);
		expect(parsed[1].getFirstSubcomponent('valarm')).toBeNull();
		for (const vevent of parsed) {
			const stamp = vevent.getFirstPropertyValue('dtstamp') as ICAL.Time;
			expect(stamp.year).toBeGreaterThan(1970);
		}
	});

	it('leaves a cancelled event and an event without a chosen lead time without an alarm', () => {
		const published = snap.events.find((e) => e.status === 'published')!;
		const cancelled = { ...published, id: 'evt_cancelled1', status: 'cancelled' as const };
		const withAlarm = vevents(
			eventsCalendar([cancelled], { name: 'x', lang: 'zh', venues, alarmMinutes: 10 })
		);
		expect(withAlarm[0].getFirstSubcomponent('valarm')).toBeNull();
		const without = vevents(eventsCalendar([published], { name: 'x', lang: 'zh', venues }));
		expect(without[0].getFirstSubcomponent('valarm')).toBeNull();
	});

	it('reminds before each planned stop at its own lead time, and stamps the file with now', () => {
		const talk = snap.events.find((e) => e.status === 'published' && !e.allDay)!;
		const plan: Plan = {
			date: talk.start.slice(0, 10),
			start: { kind: 'venue', venueId: snap.venues[0].id },
			from: '08:00',
			to: '22:00',
			mode: 'walk',
			items: [{ type: 'event', id: talk.id, at: talk.start }]
		};
		const view = dayPlan(snap, orderDay(snap, plan).plan);
		const key = itemKey(plan.items[0]);
		const before = Date.now();
		const ics = planCalendar(view, {
			lang: 'zh',
			name: '我的一天',
			alarmMinutes: (k) => (k === key ? 60 : undefined)
		});
		const [entry] = vevents(ics);
		const trigger = entry
			.getFirstSubcomponent('valarm')
			?.getFirstPropertyValue('trigger') as ICAL.Duration;
		expect(trigger.toSeconds()).toBe(-60 * 60);
		const stamp = (entry.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime();
		expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
	});
});
