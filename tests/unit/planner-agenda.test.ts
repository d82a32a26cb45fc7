import { describe, expect, test } from 'vitest';
import { snapshotOf } from '$lib/content/snapshot';
import { agenda, type SavedRef } from '$lib/planner/agenda';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const today = '2026-11-28';

function saved(slug: string, seen: Partial<SavedRef['seen']> = {}): SavedRef {
	const event = snap.eventBySlug(slug)!;
	return {
		type: 'events',
		id: event.id,
		slug,
		seen: { title: event.title.zh, start: event.start, status: event.status, ...seen }
	};
}

describe('the agenda of saved events', () => {
	test('lists each saved event on its day and warns when the walk is longer than the gap', () => {
		const view = agenda(snap, [saved('jining-snack-fair'), saved('taibai-tower-guided-tour')], {
			today,
			days: 14,
			mode: 'walk',
			lang: 'en'
		});
		expect(view.days).toHaveLength(1);
		const [day] = view.days;
		expect(day.date).toBe('2026-12-01');
		expect(day.entries.map((e) => e.title)).toEqual([
			'Jining Snack Fair',
			'Guided Tour of Taibai Tower'
		]);
		expect(day.clashes).toEqual([
			expect.objectContaining({
				kind: 'travel',
				gap: 30,
				a: day.entries[0].key,
				b: day.entries[1].key
			})
		]);
		const byTaxi = agenda(snap, [saved('jining-snack-fair'), saved('taibai-tower-guided-tour')], {
			today,
			days: 14,
			mode: 'taxi',
			lang: 'en'
		});
		expect(byTaxi.days[0].clashes).toEqual([]);
	});

	test('flags events cancelled or moved since they were saved, and those no longer listed', () => {
		const talk = snap.eventBySlug('museum-talk-lanterns')!;
		const changed = snapshotOf({
			...snap,
			events: snap.events
				.filter((e) => e.slug !== 'lion-dance-beihu')
				.map((e) =>
					e.id === talk.id
						? { ...e, status: 'cancelled' as const, statusReason: { zh: '取消', en: 'Cancelled' } }
						: e
				)
		});
		const view = agenda(
			changed,
			[
				saved('museum-talk-lanterns'),
				saved('ink-painting-workshop', { start: '2026-12-05T10:00' }),
				saved('lion-dance-beihu')
			],
			{ today, days: 14, mode: 'walk', lang: 'en' }
		);
		const entries = view.days.flatMap((d) => d.entries);
		expect(entries.find((e) => e.slug === 'museum-talk-lanterns')?.flag).toBe('cancelled');
		expect(entries.find((e) => e.slug === 'ink-painting-workshop')).toMatchObject({
			flag: 'moved',
			was: '2026-12-05T10:00'
		});
		expect(view.removed.map((r) => r.slug)).toEqual(['lion-dance-beihu']);
	});

	test('an all-day exhibition is drop-in and never clashes', () => {
		const view = agenda(
			snap,
			[saved('special-exhibition-city-of-the-canal'), saved('lakeside-morning-run')],
			{ today, days: 1, mode: 'walk', lang: 'en' }
		);
		const [day] = view.days;
		expect(day.entries.find((e) => e.slug === 'special-exhibition-city-of-the-canal')?.dropIn).toBe(
			true
		);
		expect(day.clashes).toEqual([]);
	});
});
