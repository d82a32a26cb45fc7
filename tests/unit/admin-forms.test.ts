import { describe, expect, it } from 'vitest';
import {
	eventInputOf,
	eventValues,
	newEventValues,
	type EventFormValues
} from '$lib/admin/forms/event';
import { festivalInputOf, festivalValues } from '$lib/admin/forms/festival';
import { tourInputOf, tourValues } from '$lib/admin/forms/tour';
import { venueInputOf, venueValues } from '$lib/admin/forms/venue';
import { problemText } from '$lib/admin/problem-text';
import { choiceOf, noRepeat, ruleOf } from '$lib/admin/recurrence-builder';
import { allStarts } from '$lib/content/recurrence';
import { eventInput, festivalInput, tourInput, venueInput } from '$lib/content/schemas';
import { problemsOf, type FieldProblem } from '$lib/content/validation';
import { setLanguage } from '$lib/i18n/locale.svelte';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');

function problemsFor(schema: typeof eventInput, input: object): FieldProblem[] {
	const result = schema.safeParse({ id: 'evt_formtest1', ...input });
	return result.success ? [] : problemsOf(result.error);
}

describe('the recurrence builder', () => {
	it('makes a weekly rule on the chosen days that always includes the start’s own day', () => {
		const rule = ruleOf(
			{ ...noRepeat, repeat: 'weekly', days: ['WE'], ends: 'count', count: '6' },
			'2026-12-05T15:00'
		);
		expect(rule).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=6' });
		const starts = allStarts({
			start: '2026-12-05T15:00',
			end: '2026-12-05T16:00',
			rrule: 'FREQ=WEEKLY;BYDAY=WE,SA;COUNT=6'
		});
		expect(starts[0]).toBe('2026-12-05T15:00');
		expect(starts).toHaveLength(6);
	});

	it('ends on a chosen date, that date included', () => {
		const result = ruleOf(
			{ ...noRepeat, repeat: 'weekly', days: [], ends: 'until', until: '2026-12-19' },
			'2026-12-05T15:00'
		);
		expect(result).toEqual({ rule: 'FREQ=WEEKLY;BYDAY=SA;UNTIL=20261219T235959' });
		const rule = (result as { rule: string }).rule;
		expect(allStarts({ start: '2026-12-05T15:00', end: '2026-12-05T16:00', rrule: rule })).toEqual([
			'2026-12-05T15:00',
			'2026-12-12T15:00',
			'2026-12-19T15:00'
		]);
	});

	it('refuses a count out of range and a last date before the start', () => {
		expect(
			ruleOf({ ...noRepeat, repeat: 'weekly', ends: 'count', count: '0' }, '2026-12-05T15:00')
		).toEqual({ problem: 'count' });
		expect(
			ruleOf(
				{ ...noRepeat, repeat: 'weekly', ends: 'until', until: '2026-12-01' },
				'2026-12-05T15:00'
			)
		).toEqual({
			problem: 'until before start'
		});
	});

	it('reads its own rules back, and opens any other rule as a hand-written one', () => {
		expect(choiceOf('FREQ=WEEKLY;BYDAY=WE,SA;COUNT=6')).toMatchObject({
			repeat: 'weekly',
			days: ['WE', 'SA'],
			ends: 'count',
			count: '6'
		});
		expect(choiceOf('FREQ=WEEKLY;BYDAY=SA;UNTIL=20261219T235959')).toMatchObject({
			repeat: 'weekly',
			ends: 'until',
			until: '2026-12-19'
		});
		expect(choiceOf('FREQ=MONTHLY;BYDAY=1SA;COUNT=3')).toMatchObject({
			repeat: 'custom',
			custom: 'FREQ=MONTHLY;BYDAY=1SA;COUNT=3'
		});
		expect(choiceOf(undefined)).toMatchObject({ repeat: 'none' });
	});
});

describe('console forms', () => {
	it('give back every sample record unchanged when opened and saved without edits', () => {
		for (const event of snap.events) {
			const { input } = eventInputOf(eventValues(event), event);
			expect(eventInput.parse(input)).toEqual(eventInput.parse(event));
		}
		for (const venue of snap.venues) {
			expect(venueInput.parse(venueInputOf(venueValues(venue), venue).input)).toEqual(
				venueInput.parse(venue)
			);
		}
		for (const festival of snap.festivals) {
			expect(
				festivalInput.parse(festivalInputOf(festivalValues(festival), festival).input)
			).toEqual(festivalInput.parse(festival));
		}
		for (const tour of snap.tours) {
			expect(tourInput.parse(tourInputOf(tourValues(tour), tour).input)).toEqual(
				tourInput.parse(tour)
			);
		}
	});

	it('leave an empty English out, so visitors see the Chinese', () => {
		const values: EventFormValues = {
			...newEventValues('2026-12-05'),
			title: { zh: '湖畔音乐会', en: '  ' },
			summary: { zh: '简介', en: '' },
			description: { zh: '介绍', en: '' },
			venueId: snap.venues[0].id
		};
		const { input } = eventInputOf(values);
		expect(input.title).toEqual({ zh: '湖畔音乐会' });
		expect(problemsFor(eventInput, input)).toEqual([]);
	});

	it('drop cancelled dates that are no longer dates of the rule', () => {
		const values: EventFormValues = {
			...newEventValues('2026-12-05'),
			title: { zh: '周末演出', en: '' },
			summary: { zh: '简介', en: '' },
			description: { zh: '介绍', en: '' },
			venueId: snap.venues[0].id,
			repeat: { ...noRepeat, repeat: 'weekly', ends: 'count', count: '3' },
			exdates: ['2026-12-12T19:30', '2026-12-13T19:30']
		};
		expect(eventInputOf(values).input.exdates).toEqual(['2026-12-12T19:30']);
	});

	it('refuse a hand-written rule the schema would refuse, at the rule, before any version is compared', () => {
		const values: EventFormValues = {
			...newEventValues('2026-12-05'),
			repeat: { ...noRepeat, repeat: 'custom', custom: 'FREQ=DAILY;INTERVAL=-1;COUNT=3' }
		};
		const { problems } = eventInputOf(values);
		expect(problems.map((p) => p.path)).toEqual(['rrule']);
		expect(problems[0].message).toMatch(/INTERVAL/);
		const fine = { ...values, repeat: { ...values.repeat, custom: 'FREQ=WEEKLY;COUNT=3' } };
		expect(eventInputOf(fine).problems).toEqual([]);
	});

	it('report each problem at the path of the input that fixes it', () => {
		const values: EventFormValues = {
			...newEventValues('2026-12-05'),
			free: false,
			amountCny: 'ten'
		};
		const paths = problemsFor(eventInput, eventInputOf(values).input).map((p) => p.path);
		expect(paths).toEqual(
			expect.arrayContaining([
				'title.zh',
				'summary.zh',
				'description.zh',
				'price.text.zh',
				'price.amountCny'
			])
		);
		// Rules across fields are checked once every field is well-formed (zod runs refinements last).
		const wellFormed: EventFormValues = {
			...newEventValues('2026-12-05'),
			title: { zh: '标题', en: '' },
			summary: { zh: '简介', en: '' },
			description: { zh: '介绍', en: '' },
			status: 'cancelled',
			start: '2026-12-05T19:30',
			end: '2026-12-05T18:00'
		};
		expect(problemsFor(eventInput, eventInputOf(wellFormed).input).map((p) => p.path)).toEqual([
			'end',
			'statusReason',
			'venueId'
		]);
	});
});

describe('problems in the editor’s language', () => {
	const bad = {
		slug: 'Not A Slug',
		status: 'cancelled',
		title: { zh: '' },
		summary: { zh: 'x'.repeat(5000) },
		description: { zh: '介绍' },
		start: '2026-13-01T10:00',
		end: '2026-12-01',
		rrule: 'FREQ=SECONDLY',
		category: 'circus',
		price: { free: false, text: { zh: '¥' }, amountCny: -1 },
		bookingUrl: 'ftp://x',
		tags: ['']
	};

	it('translate every message the event schema gives, in Chinese and in English', () => {
		const problems = problemsFor(eventInput, bad);
		expect(problems.length).toBeGreaterThan(8);
		for (const lang of ['zh', 'en'] as const) {
			setLanguage(lang);
			for (const problem of problems) {
				const text = problemText(problem.message);
				expect(text, `${lang}: ${problem.path}: ${problem.message}`).not.toBe(problem.message);
			}
		}
		setLanguage('zh');
		expect(problemText('Chinese text is required')).toBe('中文内容必填');
	});

	it('translate the venue, festival and tour schemas’ own messages', () => {
		const messages = [
			...problemsFor(venueInput as never, {
				phone: 'call me',
				openingHours: 'sometimes',
				website: 'x',
				kind: 'zoo'
			}),
			...problemsFor(festivalInput as never, { startDate: '2026-12-05', endDate: '2026-12-01' }),
			...problemsFor(tourInput as never, {
				stops: [{ stayMinutes: 5 }],
				path: { type: 'LineString', coordinates: [[1, 2]] }
			})
		].map((p) => p.message);
		setLanguage('en');
		const untranslated = messages.filter((message) => problemText(message) === message);
		setLanguage('zh');
		expect(untranslated).toEqual([]);
	});

	it('translate every problem of a repeat rule and of out-of-bounds values', () => {
		const rules = [
			'FREQ=DAILY;INTERVAL=-1;COUNT=3',
			'FREQ=DAILY;COUNT=0',
			'FREQ=DAILY;UNTIL=20261340',
			'FREQ=DAILY;UNTIL=20261231;COUNT=3',
			'FREQ=WEEKLY;BYDAY=',
			'FREQ=WEEKLY;BYDAY=XX',
			'FREQ=MONTHLY;BYDAY=1MO,TU',
			'FREQ=DAILY;BYMONTHDAY=40',
			'FREQ=DAILY;BYMONTH=13',
			'FREQ=DAILY;BYSETPOS=0;BYDAY=MO',
			'FREQ=DAILY;BYSETPOS=1',
			'FREQ=DAILY;WKST=XX',
			'FREQ=DAILY;BYHOUR=1',
			'FREQ=DAILY;FREQ=DAILY',
			'INTERVAL=2',
			'FREQ=DAILY;;',
			'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
			'FREQ=DAILY;UNTIL=20450101',
			`FREQ=DAILY;${'BYMONTH=1;'.repeat(40)}`
		];
		const messages = [
			...rules.flatMap((rrule) =>
				problemsFor(eventInput, {
					slug: 'x',
					title: { zh: '标题\u0000' },
					summary: { zh: '简介' },
					description: { zh: '介绍' },
					category: 'performance',
					venueId: 'ven_abcdef',
					start: '2026-12-07T19:30',
					end: '2027-12-31T21:00',
					price: { free: false, text: { zh: '票价' }, amountCny: 1e308 },
					tags: Array.from({ length: 20_000 }, (_, i) => `t${i}`),
					rrule
				})
			),
			...problemsFor(festivalInput as never, { startDate: '1999-12-01', endDate: '2101-01-01' })
		].map((p) => p.message);
		expect(messages.length).toBeGreaterThan(rules.length);
		for (const lang of ['en', 'zh'] as const) {
			setLanguage(lang);
			const untranslated = [...new Set(messages)].filter(
				(message) => problemText(message) === message
			);
			expect(untranslated, lang).toEqual([]);
		}
		setLanguage('zh');
	});
});
