import { describe, expect, it } from 'vitest';
import { eventInput, venueInput } from '$lib/content/schemas';
import { fallsBack, pick } from '$lib/content/localized';
import { problemsOf } from '$lib/content/validation';
import { eventInputFixture, venueInputFixture } from '../helpers/store';

function problems(schema: typeof eventInput | typeof venueInput, input: unknown) {
	const result = schema.safeParse(input);
	return result.success ? [] : problemsOf(result.error);
}

describe('bilingual texts', () => {
	it('require Chinese and name the field when it is missing', () => {
		expect(problems(venueInput, venueInputFixture({ name: { zh: '  ', en: 'Museum' } }))).toEqual([
			{ path: 'name.zh', message: 'Chinese text is required' }
		]);
	});

	it('treat an empty English text as not translated and fall back to Chinese', () => {
		const parsed = venueInput.parse(venueInputFixture({ name: { zh: '博物馆', en: '' } }));
		expect(parsed.name.en).toBeUndefined();
		expect(pick(parsed.name, 'en')).toBe('博物馆');
		expect(fallsBack(parsed.name, 'en')).toBe(true);
		expect(pick({ zh: '博物馆', en: 'Museum' }, 'en')).toBe('Museum');
	});
});

describe('venues', () => {
	it('accept valid opening_hours and refuse invalid ones naming the field', () => {
		expect(
			problems(venueInput, venueInputFixture({ openingHours: 'Tu-Su,PH 08:30-17:30' }))
		).toEqual([]);
		const bad = problems(venueInput, venueInputFixture({ openingHours: 'Tuesday to Sunday 8:30' }));
		expect(bad).toHaveLength(1);
		expect(bad[0].path).toBe('openingHours');
		expect(bad[0].message).toMatch(/^not valid opening_hours/);
	});

	it('refuse positions outside WGS-84 ranges and unknown kinds', () => {
		const bad = problems(venueInput, venueInputFixture({ position: { lat: 135, lon: 116 } }));
		expect(bad.map((p) => p.path)).toEqual(['position.lat']);
		expect(problems(venueInput, { ...venueInputFixture(), kind: 'castle' })[0].path).toBe('kind');
	});

	it('refuse slugs that are not lowercase words joined by hyphens', () => {
		expect(problems(venueInput, venueInputFixture({ slug: 'Jining Museum' }))[0].path).toBe('slug');
	});
});

describe('events', () => {
	it('must end after they start', () => {
		expect(problems(eventInput, eventInputFixture({ end: '2026-12-05T19:00' }))).toEqual([
			{ path: 'end', message: 'must be after the start' }
		]);
	});

	it('need a reason when cancelled or postponed', () => {
		expect(problems(eventInput, eventInputFixture({ status: 'cancelled' }))[0]).toEqual({
			path: 'statusReason',
			message: 'a reason is required when cancelled'
		});
	});

	it('need a venue or a position', () => {
		expect(problems(eventInput, eventInputFixture({ position: undefined }))[0].path).toBe(
			'venueId'
		);
	});

	it('accept a weekly RRULE and refuse a broken one or one that sets its own start', () => {
		expect(
			problems(eventInput, eventInputFixture({ rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=8' }))
		).toEqual([]);
		expect(problems(eventInput, eventInputFixture({ rrule: 'FREQ=SOMETIMES' }))[0].path).toBe(
			'rrule'
		);
		expect(
			problems(eventInput, eventInputFixture({ rrule: 'DTSTART:20260101T000000\nFREQ=DAILY' }))[0]
				.path
		).toBe('rrule');
	});

	it('refuse impossible wall-clock times', () => {
		expect(problems(eventInput, eventInputFixture({ start: '2026-02-30T10:00' }))[0].path).toBe(
			'start'
		);
		expect(problems(eventInput, eventInputFixture({ start: '2026-12-05 19:30' }))[0].path).toBe(
			'start'
		);
	});
});
