import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '$lib/content/schemas';
import { dayPlan, orderDay } from '$lib/planner/day';
import { itemKey, type Plan } from '$lib/planner/plan';
import {
	dueReminders,
	eventReminders,
	planReminders,
	reminderMoment,
	type Reminder
} from '$lib/planner/reminders';
import { sampleSnapshot } from '../helpers/snapshot';

// Reminder moments are Shanghai wall time whatever the phone's zone: the tests run in Berlin,
// whose offset (and daylight saving) differs from Shanghai's.
const originalZone = process.env.TZ;
beforeAll(() => {
	process.env.TZ = 'Europe/Berlin';
});
afterAll(() => {
	process.env.TZ = originalZone;
});

const snap = sampleSnapshot('2026-11-28');
const base = snap.events.find((e) => e.status === 'published' && !e.allDay && !e.rrule)!;
const at = (iso: string) => Date.parse(iso);

function event(fields: Partial<Event>): Event {
	return { ...base, rrule: undefined, exdates: undefined, ...fields } as Event;
}

describe('reminder times', () => {
	it('puts a reminder the lead time before a Shanghai start, whatever the phone zone', () => {
		expect(new Date(reminderMoment('2026-12-05T19:30', 30)).toISOString()).toBe(
			'2026-12-05T11:00:00.000Z'
		);
		expect(new Date(reminderMoment('2026-07-05T08:00', 10)).toISOString()).toBe(
			'2026-07-04T23:50:00.000Z'
		);
	});

	it('reminds of a saved one-off event once, at 10, 30 or 60 minutes before it starts', () => {
		const talk = event({ id: 'evt_talk', start: '2026-12-05T19:30', end: '2026-12-05T21:00' });
		for (const minutes of [10, 30, 60]) {
			const [reminder] = eventReminders(
				talk,
				minutes,
				at('2026-12-05T00:00:00Z'),
				at('2026-12-07T00:00:00Z')
			);
			expect(reminder.id).toBe('events:evt_talk@2026-12-05T19:30');
			expect(reminder.at).toBe(at('2026-12-05T11:30:00Z') - minutes * 60_000);
			expect(reminder.path).toBe(`/events/${talk.slug}`);
		}
	});

	it('reminds of each occurrence of a recurring event in Shanghai time, skipping cancelled dates', () => {
		const weekly = event({
			id: 'evt_weekly',
			start: '2026-12-05T19:30',
			end: '2026-12-05T21:00',
			rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=4',
			exdates: ['2026-12-19T19:30']
		});
		const reminders = eventReminders(
			weekly,
			30,
			at('2026-12-01T00:00:00Z'),
			at('2027-01-01T00:00:00Z')
		);
		expect(reminders.map((r) => r.start)).toEqual([
			'2026-12-05T19:30',
			'2026-12-12T19:30',
			'2026-12-26T19:30'
		]);
		expect(reminders.map((r) => new Date(r.at).toISOString())).toEqual([
			'2026-12-05T11:00:00.000Z',
			'2026-12-12T11:00:00.000Z',
			'2026-12-26T11:00:00.000Z'
		]);
	});

	it('reminds of an all-day event the lead time before 09:00 on its day', () => {
		const fair = event({
			id: 'evt_fair',
			allDay: true,
			start: '2026-12-05T00:00',
			end: '2026-12-06T00:00'
		});
		const [reminder] = eventReminders(
			fair,
			60,
			at('2026-12-04T00:00:00Z'),
			at('2026-12-07T00:00:00Z')
		);
		expect(new Date(reminder.at).toISOString()).toBe('2026-12-05T00:00:00.000Z');
	});

	it('gives a cancelled event, a postponed one and a reminder turned off no reminder', () => {
		const window = [at('2026-12-01T00:00:00Z'), at('2026-12-31T00:00:00Z')] as const;
		const talk = event({ start: '2026-12-05T19:30', end: '2026-12-05T21:00' });
		expect(eventReminders({ ...talk, status: 'cancelled' }, 30, ...window)).toEqual([]);
		expect(eventReminders({ ...talk, status: 'postponed' }, 30, ...window)).toEqual([]);
		expect(eventReminders(talk, 0, ...window)).toEqual([]);
	});

	it('reminds before each planned stop at its own lead time, at the times the plan has now', () => {
		const talk = snap.events.find((e) => e.status === 'published' && !e.allDay && !e.rrule)!;
		const plan: Plan = {
			date: talk.start.slice(0, 10),
			start: { kind: 'venue', venueId: snap.venues[0].id },
			from: '08:00',
			to: '22:00',
			mode: 'walk',
			items: [
				{ type: 'event', id: talk.id, at: talk.start },
				{ type: 'venue', id: snap.venues[1].id }
			]
		};
		const view = dayPlan(snap, orderDay(snap, plan).plan);
		const leads: Record<string, number> = {
			[itemKey(plan.items[0])]: 10,
			[itemKey(plan.items[1])]: 60
		};
		const reminders = planReminders(view, (key) => leads[key]);
		expect(reminders).toHaveLength(2);
		const forTalk = reminders.find((r) => r.id === `events:${talk.id}@${talk.start}`)!;
		expect(forTalk.start).toBe(talk.start);
		expect(forTalk.at).toBe(reminderMoment(talk.start, 10));
		const visit = reminders.find((r) => r.id.startsWith('plan:'))!;
		expect(visit.path).toBe(`/plan/${plan.date}`);
		expect(visit.at).toBe(reminderMoment(visit.start, 60));
		// Without lead times, no stop reminds.
		expect(planReminders(view, () => undefined)).toEqual([]);
	});
});

describe('which reminders are due', () => {
	const reminder = (id: string, start: string, minutes = 30): Reminder => ({
		id,
		title: { zh: id },
		start,
		end: start.replace(/T\d\d/, 'T23'),
		minutes,
		at: reminderMoment(start, minutes),
		path: '/events/x'
	});

	it('shows a reminder whose moment has come, and tells when the next falls due', () => {
		const now = reminderMoment('2026-12-05T19:30', 30);
		const { due, next } = dueReminders(
			[reminder('a', '2026-12-05T19:30'), reminder('b', '2026-12-05T20:30')],
			now,
			new Set()
		);
		expect(due.map((r) => [r.id, r.missed])).toEqual([['a', false]]);
		expect(next).toBe(reminderMoment('2026-12-05T20:30', 30));
	});

	it('shows a reminder missed while the app was closed once, as missed, if its event has not ended', () => {
		const now = reminderMoment('2026-12-05T21:00', 0);
		const { due } = dueReminders([reminder('a', '2026-12-05T19:30')], now, new Set());
		expect(due.map((r) => [r.id, r.missed])).toEqual([['a', true]]);
		expect(dueReminders([reminder('a', '2026-12-05T19:30')], now, new Set(['a'])).due).toEqual([]);
		const ended = reminderMoment('2026-12-05T23:30', 0);
		expect(dueReminders([reminder('a', '2026-12-05T19:30')], ended, new Set()).due).toEqual([]);
	});

	it('shows an event both saved and planned once, at the earlier of its two moments', () => {
		const now = reminderMoment('2026-12-05T19:30', 60);
		const { due } = dueReminders(
			[reminder('a', '2026-12-05T19:30', 10), reminder('a', '2026-12-05T19:30', 60)],
			now,
			new Set()
		);
		expect(due.map((r) => r.minutes)).toEqual([60]);
	});
});
