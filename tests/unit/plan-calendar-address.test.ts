import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarPath } from '$lib/content/calendar-links';
import { encodePlan } from '$lib/planner/share';
import { planIcsResponse } from '$lib/server/feed/plan-ics-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { planOf } from '../helpers/plan';
import { describeEachDialect } from '../helpers/store';

/** The plan's calendar the server writes from a share code, for browsers that block the file. */
describeEachDialect((open) => {
	let store: Store;

	beforeAll(async () => {
		store = await open();
		await seedIfEmpty(store, '2026-11-28');
	});
	afterAll(async () => {
		await store.close();
	});

	const get = (path: string) => planIcsResponse(store, new URL(path, 'http://guide.test'));

	describe('GET /api/v1/plan.ics', () => {
		it('writes the planned day with Shanghai times and the words of the chosen language', async () => {
			const venues = await store.venues.listPublic();
			const [first, second] = venues.filter((v) => v.kind === 'museum' || v.kind === 'park');
			const plan = planOf('2026-12-01', [
				{ type: 'venue', id: first.id },
				{ type: 'venue', id: second.id }
			]);
			const response = await get(calendarPath({ plan: encodePlan(plan) }, 'en'));
			expect(response.status).toBe(200);
			expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
			const calendar = new ICAL.Component(ICAL.parse(await response.text()));
			expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toMatch(/^My day, /);
			const entries = calendar.getAllSubcomponents('vevent');
			expect(entries.map((e) => e.getFirstPropertyValue('summary'))).toEqual([
				`Visit: ${first.name.en ?? first.name.zh}`,
				`Visit: ${second.name.en ?? second.name.zh}`
			]);
			const start = entries[0].getFirstProperty('dtstart');
			expect(start?.getParameter('tzid')).toBe('Asia/Shanghai');
			expect(String(start?.getFirstValue())).toMatch(/^2026-12-01T09:\d\d:00$/);
		});

		it('reminds before each stop at the chosen lead time, stamped with the time it was written', async () => {
			const [venue] = await store.venues.listPublic();
			const plan = planOf('2026-12-01', [{ type: 'venue', id: venue.id }]);
			const before = Date.now();
			const text = await (await get(calendarPath({ plan: encodePlan(plan) }, 'en', 10))).text();
			const [entry] = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
			const alarm = entry.getFirstSubcomponent('valarm');
			expect(alarm?.getFirstPropertyValue('action')).toBe('DISPLAY');
			expect((alarm?.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds()).toBe(-600);
			expect(String(alarm?.getFirstPropertyValue('description'))).toMatch(
				/^Starts in 10 minutes: /
			);
			const stamp = (entry.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate().getTime();
			expect(stamp).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
			const off = await (await get(calendarPath({ plan: encodePlan(plan) }, 'en', 'off'))).text();
			const [quiet] = new ICAL.Component(ICAL.parse(off)).getAllSubcomponents('vevent');
			expect(quiet.getFirstSubcomponent('valarm')).toBeNull();
		});

		it('speaks Chinese by default', async () => {
			const [venue] = await store.venues.listPublic();
			const plan = planOf('2026-12-01', [{ type: 'venue', id: venue.id }]);
			const text = await (await get(calendarPath({ plan: encodePlan(plan) }, 'zh'))).text();
			const calendar = new ICAL.Component(ICAL.parse(text));
			expect(String(calendar.getFirstPropertyValue('x-wr-calname'))).toMatch(/12月1日/);
		});

		it('refuses a missing, damaged or oversized code, or an unknown parameter, naming it', async () => {
			const cases: [string, string][] = [
				['/api/v1/plan.ics', 'plan'],
				['/api/v1/plan.ics?plan=not*a*code', 'plan'],
				['/api/v1/plan.ics?plan=eyJ4IjoxfQ', 'plan'],
				[`/api/v1/plan.ics?plan=${'A'.repeat(5000)}`, 'plan'],
				['/api/v1/plan.ics?plan=x&lang=fr', 'lang'],
				['/api/v1/plan.ics?plan=x&alarm=45', 'alarm'],
				['/api/v1/plan.ics?plan=x&when=now', 'when']
			];
			for (const [path, parameter] of cases) {
				const response = await get(path);
				expect(response.status, path).toBe(400);
				expect(await response.json(), path).toMatchObject({ error: { parameter } });
			}
		});
	});
});
