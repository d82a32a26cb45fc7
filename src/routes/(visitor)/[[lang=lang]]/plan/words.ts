import { formatDayTime, formatDuration, formatWeekday } from '$lib/content/format';
import { pick, type Language } from '$lib/content/localized';
import type { Snapshot } from '$lib/content/snapshot';
import { addDays } from '$lib/content/time';
import { venueWindows, type DayItem, type Unusable } from '$lib/planner/build';
import type { DayPlan } from '$lib/planner/day';
import type { Fix } from '$lib/planner/fixes';
import { timeOf, type Plan } from '$lib/planner/plan';
import type { Refusal } from '$lib/planner/solver';
import type { TravelMode } from '$lib/planner/travel';
import * as m from '$lib/paraglide/messages';

/** The planner's codes and numbers in the visitor's words. */

export function modeWord(mode: TravelMode): string {
	return { walk: m.plan_mode_walk, bike: m.plan_mode_bike, taxi: m.plan_mode_taxi }[mode]();
}

export function modeLabel(mode: TravelMode): string {
	return { walk: m.mode_walk, bike: m.mode_bike, taxi: m.plan_mode_taxi_label }[mode]();
}

export function itemName(d: DayItem, lang: Language): string {
	if (d.item.type === 'meal') return m.plan_meal();
	if (d.event) return pick(d.event.title, lang);
	if (d.venue) return pick(d.venue.name, lang);
	return d.item.id;
}

/** Closed on this weekday every week, or only on this date (a holiday)? */
function closedEveryWeek(snap: Snapshot, d: DayItem, date: string): boolean {
	if (!d.venue) return false;
	return [-7, 7].every((days) => venueWindows(snap, d.venue!, addDays(date, days)).length === 0);
}

export function reasonText(
	reason: Refusal | Unusable,
	d: DayItem,
	ctx: { view: DayPlan; plan: Plan; snap: Snapshot; lang: Language }
): string {
	const { view, plan, snap, lang } = ctx;
	const other = (stop: number) => itemName(view.day.items[view.day.byStop[stop]], lang);
	const mode = modeWord(plan.mode);
	switch (reason.code) {
		case 'closed_day':
			return closedEveryWeek(snap, d, plan.date)
				? m.plan_reason_closed_day({ weekday: formatWeekday(plan.date, lang, 'long') })
				: m.plan_reason_closed_date();
		case 'outside_day':
			return m.plan_reason_outside_day({ from: plan.from, to: plan.to });
		case 'too_short':
			return m.plan_reason_too_short({ minutes: d.minutes });
		case 'overlaps':
			return m.plan_reason_overlaps({ other: other(reason.other) });
		case 'no_time_after':
			return m.plan_reason_no_time_after({
				other: other(reason.other),
				travel: reason.travel,
				gap: reason.gap,
				mode
			});
		case 'no_time_before': {
			const start = view.day.problem.stops[reason.other].windows[0].start;
			return m.plan_reason_no_time_before({
				other: other(reason.other),
				time: timeOf(start),
				travel: reason.travel,
				mode
			});
		}
		case 'no_time_from_start':
			return m.plan_reason_no_time_from_start({ travel: reason.travel, mode });
		case 'closes':
			return m.plan_reason_closes({ time: timeOf(reason.at) });
		case 'day_full':
			return m.plan_reason_day_full();
		case 'gone':
			return m.plan_reason_gone();
		case 'cancelled':
			return m.status_cancelled();
		case 'postponed':
			return m.status_postponed();
		case 'moved':
			return reason.to
				? m.plan_reason_moved({ when: formatDayTime(reason.to, lang) })
				: m.plan_reason_moved_away();
		case 'closed_at':
			return m.plan_reason_closed_at({ time: reason.at });
	}
}

/**
 * Why an item is not in the day, in one line, with the fix that would make it fit: "Taibai
 * Tower needs 1 h 30 min; drop Jining Snack Fair or end at 19:00".
 */
export function leftLine(
	reason: Refusal | Unusable,
	d: DayItem,
	fix: Fix,
	ctx: { view: DayPlan; plan: Plan; snap: Snapshot; lang: Language }
): string {
	const why = reasonText(reason, d, ctx);
	if (fix.drop === undefined && fix.endAt === undefined) return why;
	const other = fix.drop !== undefined ? itemName(ctx.view.day.items[fix.drop], ctx.lang) : '';
	const time = fix.endAt !== undefined ? timeOf(fix.endAt) : '';
	const text =
		fix.drop !== undefined && fix.endAt !== undefined
			? m.plan_fix_drop_or_end({ other, time })
			: fix.drop !== undefined
				? m.plan_fix_drop({ other })
				: m.plan_fix_end({ time });
	// A visit that no longer fits: say what it needs. A fixed-time item: say what it collides with.
	const reasonPart = d.fixed
		? why
		: m.plan_needs({ name: itemName(d, ctx.lang), duration: formatDuration(d.minutes, ctx.lang) });
	return m.plan_with_fix({ reason: reasonPart, fix: text });
}
