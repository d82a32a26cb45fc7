import { pick, type Language } from '$lib/content/localized';
import { isShowing } from '$lib/content/notices';
import { addDays, instantToShanghai, shanghaiToday } from '$lib/content/time';
import { plan as planSchema } from '$lib/planner/plan-schema';
import {
	defaultLeadTime,
	dueReminders,
	eventReminders,
	planReminders,
	type Reminder
} from '$lib/planner/reminders';
import { guideDb, liveQuery, type Observable } from './db';
import { localSnapshot } from './local-views';

/**
 * Reminders as the phone keeps them: whether the visitor turned them on, the lead times they chose,
 * and which reminders were already shown. What is due is computed from the mirror's content each
 * time it is asked (planner/reminders.ts), so a moved event's reminder moves and a cancelled or
 * deleted one's is gone, with nothing stored to go stale.
 */

export interface ReminderSettings {
	on: boolean;
	/** Lead times the visitor chose, by subject (`events:ID`, `plan:DATE:ITEMKEY`). */
	leads: Record<string, number>;
}

/** A reminder as the page shows it: texts in the visitor's language. */
export interface ReminderToShow {
	id: string;
	title: string;
	venue?: string;
	/** Shanghai wall-clock start. */
	start: string;
	minutes: number;
	missed: boolean;
	path: string;
}

/** An emergency bureau notice to raise as a notification, once. */
export interface NoticeToShow {
	id: string;
	message: string;
}

/** How far ahead reminders are looked for: the page asks again long before this runs out. */
const lookAheadMs = 2 * 86_400_000;
/** Records of shown reminders are kept this long, well past any occurrence they were for. */
const keepShownMs = 30 * 86_400_000;

async function settings(): Promise<ReminderSettings> {
	const db = guideDb();
	const [meta, leads] = await Promise.all([db.meta.get('reminders'), db.leadTimes.toArray()]);
	const on = (meta?.value as { on?: boolean } | undefined)?.on === true;
	return { on, leads: Object.fromEntries(leads.map((l) => [l.subject, l.minutes])) };
}

export function reminderSettings(): Observable<ReminderSettings> {
	return liveQuery(settings);
}

export async function setRemindersOn(on: boolean): Promise<void> {
	await guideDb().meta.put({ key: 'reminders', value: { on } });
}

export async function setLeadTime(choice: { subject: string; minutes: number }): Promise<void> {
	await guideDb().leadTimes.put({ subject: choice.subject, minutes: choice.minutes });
}

/**
 * The reminders due at `now` (the page's clock, which may differ from the worker's) not shown
 * before, and when the next falls due; none while reminders are off.
 */
export async function remindersDue(request: {
	now: number;
	lang: Language;
}): Promise<{ due: ReminderToShow[]; next?: number }> {
	const { now, lang } = request;
	const db = guideDb();
	const chosen = await settings();
	const snap = await localSnapshot(db);
	if (!chosen.on || !snap) return { due: [] };
	const lead = (subject: string) => chosen.leads[subject] ?? defaultLeadTime;
	const all: Reminder[] = [];
	for (const saved of await db.favourites.where('type').equals('events').toArray()) {
		// A deleted event is gone from the mirror, and with it its reminder.
		const event = snap.events.find((e) => e.id === saved.id);
		if (event)
			all.push(...eventReminders(event, lead(`events:${event.id}`), now, now + lookAheadMs));
	}
	const today = shanghaiToday(new Date(now));
	const plans = await db.plans
		.where('date')
		.between(today, addDays(today, 2), true, true)
		.toArray();
	for (const row of plans) {
		const parsed = planSchema.safeParse(row.plan);
		if (!parsed.success) continue;
		// The planner, and the opening-hours library under it, load only for a day that has a plan:
		// the mirror's worker starts and syncs without them (a first visit downloads less).
		const { dayPlan } = await import('$lib/planner/day');
		const view = dayPlan(snap, parsed.data);
		all.push(...planReminders(view, (key) => lead(`plan:${row.date}:${key}`)));
	}
	const shown = new Set(await db.shownReminders.toCollection().primaryKeys());
	const { due, next } = dueReminders(all, now, shown);
	return {
		next,
		due: due.map((r) => ({
			id: r.id,
			title: pick(r.title, lang),
			venue: r.venueId ? pick(snap.venue(r.venueId)?.name, lang) || undefined : undefined,
			start: r.start,
			minutes: r.minutes,
			missed: r.missed,
			path: r.path
		}))
	};
}

/** Emergency notices showing at `now` not yet raised on this phone (only while reminders are on). */
export async function emergencyNoticesDue(request: {
	now: number;
	lang: Language;
}): Promise<NoticeToShow[]> {
	const db = guideDb();
	if (!(await settings()).on) return [];
	const at = instantToShanghai(new Date(request.now));
	const shown = new Set(await db.shownReminders.toCollection().primaryKeys());
	return (await db.notices.toArray())
		.filter((n) => n.severity === 'emergency' && n.status === 'published' && isShowing(n, at))
		.map((n) => ({ id: `notices:${n.id}`, message: pick(n.message, request.lang) }))
		.filter((n) => !shown.has(n.id));
}

/** Records reminders as shown, so no tab and no later start shows them again; old records go. */
export async function markShown(request: { ids: string[]; now: number }): Promise<void> {
	const db = guideDb();
	const at = new Date(request.now).toISOString();
	await db.transaction('rw', db.shownReminders, async () => {
		await db.shownReminders.bulkPut(request.ids.map((id) => ({ id, at })));
		const old = new Date(request.now - keepShownMs).toISOString();
		await db.shownReminders.where('at').below(old).delete();
	});
}
