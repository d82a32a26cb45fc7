import { pick } from '../localized';
import type { Festival } from '../schemas';
import type { OccurrenceOf, Snapshot } from '../snapshot';
import { addDays, type LocalDate, type LocalDateTime } from '../time';
import { localDate } from '../schemas/primitives';
import { eventCard } from './cards';
import {
	ViewNotFoundError,
	ViewParameterError,
	type ViewContext,
	type ViewParams
} from './context';
import { programmeGrid, type ProgrammeEvent } from './festival-grid';
import { heroOf } from './festivals';

function datesOf(from: LocalDate, to: LocalDate): LocalDate[] {
	const dates: LocalDate[] = [];
	for (let d = from; d <= to; d = addDays(d, 1)) dates.push(d);
	return dates;
}

const dayStart = (d: LocalDate): LocalDateTime => `${d}T00:00`;

/** The days an occurrence touches; one ending at midnight does not touch the next day. */
function touches(o: OccurrenceOf, day: LocalDate): boolean {
	return o.start < dayStart(addDays(day, 1)) && o.end > dayStart(day);
}

/** `?day=` if given and inside the festival; otherwise today while it runs, else its first day. */
function chosenDay(festival: Festival, param: string | undefined, today: LocalDate): LocalDate {
	if (param === undefined || param === '') {
		return festival.startDate <= today && today <= festival.endDate ? today : festival.startDate;
	}
	if (!localDate.safeParse(param).success) {
		throw new ViewParameterError('day', 'must be a date as YYYY-MM-DD');
	}
	if (param < festival.startDate || param > festival.endDate) {
		throw new ViewParameterError(
			'day',
			`must be a day of the festival, ${festival.startDate} to ${festival.endDate}`
		);
	}
	return param;
}

/**
 * A festival's programme for one day, as a venue × time grid and as a list, with what is on now
 * and next when the day is today. Params: `slug`, optional `day` (YYYY-MM-DD).
 */
export function festivalView(snap: Snapshot, params: ViewParams, { lang, now }: ViewContext) {
	const slug = params.slug;
	if (!slug) throw new ViewParameterError('slug', 'is required');
	const festival = snap.festivalBySlug(slug);
	if (!festival || festival.status !== 'published') {
		throw new ViewNotFoundError(`No festival "${slug}"`);
	}
	const today = now.slice(0, 10);
	const day = chosenDay(festival, params.day, today);
	const isToday = day === today;

	const programme = snap
		.occurrencesBetween(dayStart(festival.startDate), dayStart(addDays(festival.endDate, 1)))
		.filter((o) => o.event.festivalId === festival.id && o.event.status !== 'draft');
	const ofDay = programme
		.filter((o) => touches(o, day))
		.map((o): ProgrammeEvent => ({
			...eventCard(snap, o, lang),
			key: `${o.event.slug}@${o.start}`
		}));
	const allDay = ofDay.filter((e) => e.allDay);
	const timed = ofDay.filter((e) => !e.allDay);

	if (isToday) {
		const live = timed.filter((e) => e.status !== 'cancelled');
		for (const e of live) if (e.start <= now && now < e.end) e.live = 'now';
		const next = live.find((e) => e.start > now);
		if (next) next.live = 'next';
	}

	const seen = new Set<string>();
	return {
		festival: {
			slug: festival.slug,
			name: pick(festival.name, lang),
			summary: pick(festival.summary, lang),
			description: pick(festival.description, lang),
			startDate: festival.startDate,
			endDate: festival.endDate,
			running: festival.startDate <= today && today <= festival.endDate,
			sample: festival.sample,
			hero: heroOf(festival, lang)
		},
		now,
		day,
		isToday,
		days: datesOf(festival.startDate, festival.endDate).map((date) => ({
			date,
			count: programme.filter((o) => touches(o, date)).length
		})),
		allDay,
		events: timed,
		grid: programmeGrid(day, timed, isToday ? now : undefined),
		/** Every event of the festival once, for schema.org subEvent. */
		subEvents: programme
			.filter((o) => !seen.has(o.event.slug) && !!seen.add(o.event.slug))
			.map((o) => ({
				slug: o.event.slug,
				name: pick(o.event.title, lang),
				start: o.start,
				end: o.end,
				status: o.event.status
			}))
	};
}

export type FestivalView = ReturnType<typeof festivalView>;
