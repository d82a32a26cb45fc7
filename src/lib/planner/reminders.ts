import type { Localized } from '$lib/content/localized';
import { occurrences } from '$lib/content/recurrence';
import { defaultLeadTime, type LeadTime } from '$lib/content/reminder-choices';
import type { Event } from '$lib/content/schemas';
import {
	addMinutes,
	instantToShanghai,
	shanghaiToInstant,
	type LocalDateTime
} from '$lib/content/time';
import type { DayPlan } from './day';
import { itemKey } from './plan';

/**
 * When the app reminds of a saved event or a planned stop: the lead time before its start, the
 * start read as Asia/Shanghai wall time whatever the phone's zone. Pure and recomputed from the
 * mirror's content every time (never stored), so a moved event's reminder moves and a cancelled or
 * deleted one's disappears. What was already shown is kept by id elsewhere, so none shows twice.
 */

// Kept with the choices (a light module pages import without the recurrence code).
export { defaultLeadTime, type LeadTime };

/** An all-day event reminds on the morning of its day, the lead time before 09:00 (as the ICS). */
const allDayMorning = '09:00';

export interface Reminder {
	/** One occurrence of one subject: what the record of shown reminders keeps. */
	id: string;
	title: Localized;
	venueId?: string;
	/** The occurrence's Shanghai wall-clock start and end. */
	start: LocalDateTime;
	end: LocalDateTime;
	minutes: number;
	/** The moment to remind, as epoch milliseconds. */
	at: number;
	/** Where a tap on the notification leads, without the language prefix. */
	path: string;
}

/** The moment `minutes` before a Shanghai wall-clock start, as epoch milliseconds. */
export function reminderMoment(start: LocalDateTime, minutes: number): number {
	return shanghaiToInstant(start).getTime() - minutes * 60_000;
}

/** An event's occurrence is reminded of under one id, whether it was saved, planned or both. */
export function occurrenceId(eventId: string, start: LocalDateTime): string {
	return `events:${eventId}@${start}`;
}

/**
 * Reminders of a saved event's occurrences that have not ended by `now` and start before
 * `until` (epoch ms). A cancelled, postponed or unpublished event reminds nobody.
 */
export function eventReminders(
	event: Event,
	minutes: number,
	now: number,
	until: number
): Reminder[] {
	if (minutes <= 0 || event.status !== 'published') return [];
	const from = instantToShanghai(new Date(now));
	const to = instantToShanghai(new Date(until));
	return occurrences(event, from, to).map((o) => {
		const remindFrom = event.allDay ? `${o.start.slice(0, 10)}T${allDayMorning}` : o.start;
		return {
			id: occurrenceId(event.id, o.start),
			title: event.title,
			venueId: event.venueId,
			start: o.start,
			end: o.end,
			minutes,
			at: reminderMoment(remindFrom, minutes),
			path: `/events/${event.slug}`
		};
	});
}

/**
 * Reminders of the stops of a day plan, each at its own lead time (by item key; none for a stop
 * without one), at the times the plan has today (recomputed from content). The meal break and
 * stops left out remind nobody; a planned event shares its id with the saved event's reminder.
 */
export function planReminders(
	view: DayPlan,
	leadOf: (key: string) => number | undefined
): Reminder[] {
	const dayStart = `${view.date}T00:00`;
	return view.rows.flatMap(({ day, visit }) => {
		const minutes = leadOf(itemKey(day.item)) ?? 0;
		if (minutes <= 0 || day.meal) return [];
		if (day.event && day.event.status !== 'published') return [];
		const start = addMinutes(dayStart, visit.start);
		const title = day.event?.title ?? day.venue?.name;
		if (!title) return [];
		return [
			{
				id: day.event
					? occurrenceId(day.event.id, day.occurrence?.start ?? day.item.at ?? start)
					: `plan:${view.date}:${itemKey(day.item)}`,
				title,
				venueId: day.venue?.id,
				start,
				end: addMinutes(dayStart, visit.end),
				minutes,
				at: reminderMoment(start, minutes),
				path: `/plan/${view.date}`
			}
		];
	});
}

export interface DueReminder extends Reminder {
	/** Its moment passed while the app was closed (more than a minute ago). */
	missed: boolean;
}

/** How late a reminder may be shown and still count as on time. */
const onTimeMs = 60_000;

/**
 * What to show now: reminders whose moment has come, whose occurrence has not ended, and that were
 * not shown before (one per id, the earliest moment winning); and when the next one falls due.
 */
export function dueReminders(
	all: Reminder[],
	now: number,
	shown: ReadonlySet<string>
): { due: DueReminder[]; next?: number } {
	const byId = new Map<string, Reminder>();
	for (const r of [...all].sort((a, b) => a.at - b.at)) if (!byId.has(r.id)) byId.set(r.id, r);
	const due: DueReminder[] = [];
	let next: number | undefined;
	for (const r of byId.values()) {
		if (shown.has(r.id) || shanghaiToInstant(r.end).getTime() <= now) continue;
		if (r.at <= now) due.push({ ...r, missed: now - r.at > onTimeMs });
		else next = Math.min(next ?? r.at, r.at);
	}
	return { due, next };
}
