import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Plan } from '$lib/planner/plan';
import { plan as planSchema } from '$lib/planner/plan-schema';
import { decodePlan, encodePlan, ShareLinkError } from '$lib/planner/share';

const time = fc
	.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
	.map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const id = fc.stringMatching(/^[a-z]{3}_[A-Za-z0-9]{6,20}$/);
const date = fc
	.date({
		min: new Date('2026-01-01T00:00:00Z'),
		max: new Date('2028-12-31T00:00:00Z'),
		noInvalidDate: true
	})
	.map((d) => d.toISOString().slice(0, 10));

const arbitraryPlan: fc.Arbitrary<Plan> = fc
	.record({
		date,
		from: time,
		to: time,
		mode: fc.constantFrom('walk' as const, 'bike' as const, 'taxi' as const),
		start: fc.oneof(
			id.map((venueId) => ({ kind: 'venue' as const, venueId })),
			fc
				.record({
					lat: fc.integer({ min: 3520000, max: 3545000 }).map((n) => n / 1e5),
					lon: fc.integer({ min: 11650000, max: 11672000 }).map((n) => n / 1e5),
					here: fc.boolean()
				})
				.map(({ lat, lon, here }) => ({
					kind: 'point' as const,
					position: { lat, lon },
					...(here ? { here: true } : {})
				}))
		),
		items: fc.array(
			fc.record(
				{
					type: fc.constantFrom('event' as const, 'venue' as const),
					id,
					at: time,
					minutes: fc.integer({ min: 5, max: 720 }),
					lockedAt: time,
					left: fc.constant(true as const)
				},
				{ requiredKeys: ['type', 'id'] }
			),
			{ maxLength: 12 }
		)
	})
	.filter((p) => p.from < p.to)
	.map((p) => ({
		...p,
		items: p.items.map((i) => (i.at ? { ...i, at: `${p.date}T${i.at}` } : i))
	}));

describe('share links', () => {
	test('a plan survives the round trip: encode, decode, same plan', () => {
		fc.assert(
			fc.property(arbitraryPlan, (plan) => {
				expect(planSchema.parse(plan)).toEqual(plan);
				const code = encodePlan(plan);
				expect(code).toMatch(/^[A-Za-z0-9_-]+$/);
				expect(decodePlan(code)).toEqual(plan);
			}),
			{ numRuns: 300 }
		);
	});

	test('a day of ten stops makes a link short enough for a QR code', () => {
		const plan: Plan = {
			date: '2026-12-05',
			start: { kind: 'venue', venueId: 'ven_beihupavilion' },
			from: '09:00',
			to: '21:00',
			mode: 'walk',
			items: Array.from({ length: 10 }, (_, i) => ({
				type: 'venue' as const,
				id: `ven_place${i}xyz`
			}))
		};
		expect(encodePlan(plan).length).toBeLessThan(400);
	});

	test('garbage is refused with a clear error, never half a plan', () => {
		const cases: [string, RegExp][] = [
			['hello world', /not a plan link/],
			['Zm9v', /damaged/],
			[btoa('[1,20261205]').replace(/=+$/, ''), /damaged/],
			[btoa('[9,1,2,3]').replace(/=+$/, ''), /newer version/],
			[btoa('[1,20261305,540,1080,0,["ven_x"],[]]').replace(/=+$/, ''), /date/],
			[btoa('[1,20261205,1080,540,0,["ven_x"],[]]').replace(/=+$/, ''), /after the start/]
		];
		for (const [code, message] of cases) {
			expect(() => decodePlan(code)).toThrow(ShareLinkError);
			expect(() => decodePlan(code)).toThrow(message);
		}
	});

	test('any string either decodes to a valid plan or throws a ShareLinkError', () => {
		fc.assert(
			fc.property(fc.string({ maxLength: 80 }), (code) => {
				try {
					planSchema.parse(decodePlan(code));
				} catch (error) {
					expect(error).toBeInstanceOf(ShareLinkError);
				}
			}),
			{ numRuns: 500 }
		);
	});
});
