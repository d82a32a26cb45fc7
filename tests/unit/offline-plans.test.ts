import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GuideDb } from '$lib/offline/db';
import { deletePlan, loadPlan, planFor, planList, savePlan } from '$lib/offline/plans';
import { syncOnce } from '$lib/offline/sync';
import type { Plan } from '$lib/planner/plan';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { testStore } from '../helpers/store';

let db: GuideDb;
let count = 0;

const plan: Plan = {
	date: '2026-12-01',
	start: { kind: 'venue', venueId: 'ven_beihupavilion' },
	from: '09:00',
	to: '18:00',
	mode: 'walk',
	items: [
		{ type: 'venue', id: 'ven_jiningmuseum', minutes: 120 },
		{ type: 'event', id: 'evt_taibaitour1', at: '2026-12-01T14:30' }
	]
};

beforeEach(() => {
	db = new GuideDb(`plans-${++count}`);
});
afterEach(() => db.close());

describe('day plans on the phone', () => {
	it('are saved and loaded by date, and listed in date order', async () => {
		await savePlan(plan, db);
		await savePlan({ ...plan, date: '2026-11-30', items: [] }, db);
		expect(await loadPlan('2026-12-01', db)).toEqual(plan);
		const list = await new Promise<{ date: string; items: number }[]>((resolve) => {
			const sub = planList(db).subscribe((value) => {
				sub.unsubscribe();
				resolve(value);
			});
		});
		expect(list.map(({ date, items }) => ({ date, items }))).toEqual([
			{ date: '2026-11-30', items: 0 },
			{ date: '2026-12-01', items: 2 }
		]);
	});

	it('follow changes live', async () => {
		const seen: (number | undefined)[] = [];
		const sub = planFor(plan.date, db).subscribe((p) => seen.push(p?.items.length));
		// Live queries answer asynchronously: wait for each answer rather than for a fixed time.
		const answered = async (count: number) => {
			for (let i = 0; i < 100 && seen.length < count; i++)
				await new Promise((r) => setTimeout(r, 10));
		};
		await answered(1);
		await savePlan(plan, db);
		await answered(2);
		await deletePlan(plan.date, db);
		await answered(3);
		sub.unsubscribe();
		expect(seen).toEqual([undefined, 2, undefined]);
	});

	it('refuse to save a malformed plan, and read a stored one that no longer fits as none', async () => {
		await expect(savePlan({ ...plan, from: '25:00' }, db)).rejects.toThrow();
		await db.plans.put({
			id: '2026-12-02',
			date: '2026-12-02',
			updatedAt: '',
			plan: { nonsense: true }
		});
		expect(await loadPlan('2026-12-02', db)).toBeUndefined();
	});

	describe('and content sync', () => {
		let store: Store;
		beforeEach(async () => {
			store = await testStore();
			await seedIfEmpty(store, '2026-11-28');
		});
		afterEach(() => store.close());

		it('never touches them, on the first full sync or on a change', async () => {
			const feed = async (input: RequestInfo | URL, init?: RequestInit) => {
				const url = new URL(String(input), 'http://guide.test');
				return contentResponse(store, new Request(url, init), url, 30);
			};
			await savePlan(plan, db);
			await syncOnce(db, feed as typeof fetch);
			const event = (await store.events.listAll()).find((e) => e.id === 'evt_taibaitour1')!;
			await store.events.update(
				event.id,
				{
					...event,
					status: 'cancelled',
					statusReason: { zh: '天气原因取消', en: 'Cancelled: weather' }
				},
				event.version
			);
			expect((await syncOnce(db, feed as typeof fetch)).status).toBe('updated');
			expect((await db.events.get('evt_taibaitour1'))?.status).toBe('cancelled');
			expect(await loadPlan(plan.date, db)).toEqual(plan);
		});
	});
});
