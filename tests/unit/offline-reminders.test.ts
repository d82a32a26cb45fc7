import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Event } from '$lib/content/schemas';
import { addMinutes } from '$lib/content/time';
import { guideDb } from '$lib/offline/db';
import { commands } from '$lib/offline/ops';
import { reminderMoment } from '$lib/planner/reminders';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { testStore } from '../helpers/store';

// Reminders as the mirror's worker answers them, against fake IndexedDB and the real feed.
let store: Store;
let event: Event;

beforeEach(async () => {
	store = await testStore();
	await seedIfEmpty(store, '2026-11-28');
	vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(String(input), 'http://guide.test');
		return contentResponse(store, new Request(url, init), url, 30);
	});
	await commands.sync();
	event = (await store.events.listPublic()).find(
		(e) => e.status === 'published' && !e.allDay && !e.rrule
	)!;
	await commands.toggleFavourite({
		type: 'events',
		id: event.id,
		slug: event.slug,
		seen: { title: event.title.zh, start: event.start }
	});
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await Promise.all(guideDb().tables.map((table) => table.clear()));
	await store.close();
});

const due = (now: number) => commands.remindersDue({ now, lang: 'en' });

async function editEvent(change: Partial<Event>) {
	const current = (await store.events.listAll()).find((e) => e.id === event.id)!;
	await store.events.update(event.id, { ...current, ...change }, current.version);
	await commands.sync();
}

describe('reminders kept in the mirror', () => {
	it('remind of nothing until the visitor turns reminders on, then 30 minutes before by default', async () => {
		const moment = reminderMoment(event.start, 30);
		expect((await due(moment)).due).toEqual([]);
		await commands.setRemindersOn(true);
		expect((await due(moment - 60_000)).due).toEqual([]);
		const [reminder] = (await due(moment)).due;
		expect(reminder).toMatchObject({
			title: event.title.en ?? event.title.zh,
			start: event.start,
			minutes: 30,
			missed: false,
			path: `/events/${event.slug}`
		});
		expect(reminder.venue).toBeTruthy();
	});

	it('use the lead time the visitor chose for a saved event, and none when set off', async () => {
		await commands.setRemindersOn(true);
		await commands.setLeadTime({ subject: `events:${event.id}`, minutes: 60 });
		expect((await due(reminderMoment(event.start, 60))).due.map((r) => r.minutes)).toEqual([60]);
		await commands.setLeadTime({ subject: `events:${event.id}`, minutes: 0 });
		expect((await due(reminderMoment(event.start, 0))).due).toEqual([]);
	});

	it('show a reminder once: after it is marked shown, no later start shows it again', async () => {
		await commands.setRemindersOn(true);
		const now = reminderMoment(event.start, 10);
		const [reminder] = (await due(now)).due;
		expect(reminder.missed).toBe(true);
		await commands.markRemindersShown({ ids: [reminder.id], now });
		expect((await due(now + 60_000)).due).toEqual([]);
	});

	it('drop the reminder of a cancelled or deleted event, and move a moved one', async () => {
		await commands.setRemindersOn(true);
		const later = addMinutes(event.start, 120);
		await editEvent({ start: later, end: addMinutes(event.end, 120) });
		expect((await due(reminderMoment(event.start, 30))).due).toEqual([]);
		expect((await due(reminderMoment(later, 30))).due.map((r) => r.start)).toEqual([later]);
		await editEvent({
			status: 'cancelled',
			statusReason: { zh: '天气原因取消', en: 'Cancelled: weather' }
		});
		expect((await due(reminderMoment(later, 30))).due).toEqual([]);
	});

	it('remind before a planned venue visit at the lead time chosen for that stop', async () => {
		await commands.setRemindersOn(true);
		const venue = (await store.venues.listPublic())[0];
		const date = event.start.slice(0, 10);
		await commands.savePlan({
			date,
			start: { kind: 'venue', venueId: venue.id },
			from: '09:00',
			to: '18:00',
			mode: 'walk',
			items: [{ type: 'venue', id: venue.id, lockedAt: '10:00', minutes: 60 }]
		});
		await commands.setLeadTime({ subject: `plan:${date}:venue:${venue.id}`, minutes: 10 });
		const reminders = (await due(reminderMoment(`${date}T10:00`, 10))).due;
		const visit = reminders.find((r) => r.path.startsWith('/plan/'));
		expect(visit).toMatchObject({ start: `${date}T10:00`, minutes: 10, path: `/plan/${date}` });
	});

	it('raise an emergency bureau notice once, and never an ordinary one', async () => {
		await commands.setRemindersOn(true);
		const db = guideDb();
		const base = {
			status: 'published',
			message: { zh: '游船暂停：风力过大', en: 'Boat tours suspended: strong wind' },
			start: '2026-11-28T08:00',
			end: '2026-11-28T20:00',
			version: 1,
			revision: 1,
			updatedAt: '2026-11-28T00:00:00.000Z'
		};
		await db.notices.bulkPut([
			{ ...base, id: 'ntc_wind', severity: 'emergency' },
			{ ...base, id: 'ntc_info', severity: 'info' }
		] as never);
		const now = reminderMoment('2026-11-28T12:00', 0);
		const raised = await commands.emergencyNoticesDue({ now, lang: 'en' });
		expect(raised).toEqual([
			{ id: 'notices:ntc_wind', message: 'Boat tours suspended: strong wind' }
		]);
		await commands.markRemindersShown({ ids: raised.map((n) => n.id), now });
		expect(await commands.emergencyNoticesDue({ now, lang: 'en' })).toEqual([]);
	});
});
