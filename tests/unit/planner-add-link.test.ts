import { describe, expect, test } from 'vitest';
import { addToDayPath, itemToAdd, withItem, withoutAddParam } from '$lib/planner/add-link';
import { emptyPlan, type Plan } from '$lib/planner/plan';

const plan = (items: Plan['items']): Plan => ({
	...emptyPlan('2026-05-01', { kind: 'venue', venueId: 'ven_a' }),
	items
});
const query = (path: string) => new URL(path, 'http://x').searchParams;

describe('"plan a day with this" links', () => {
	test('carry a venue to its day and read back as the same item', () => {
		const path = addToDayPath('2026-05-01', { type: 'venue', id: 'ven_lake' });
		expect(path).toBe('/plan/2026-05-01?add=venue%3Aven_lake');
		expect(itemToAdd(query(path))).toEqual({ type: 'venue', id: 'ven_lake' });
	});

	test('carry an event with the occurrence it was shown at', () => {
		const path = addToDayPath('2026-05-01', {
			type: 'event',
			id: 'evt_show',
			at: '2026-05-01T19:30'
		});
		expect(itemToAdd(query(path))).toEqual({
			type: 'event',
			id: 'evt_show',
			at: '2026-05-01T19:30'
		});
	});

	test('ask for nothing when the query is missing or malformed', () => {
		for (const bad of [
			'',
			'?add=',
			'?add=tour:t1',
			'?add=event:evt_x',
			'?add=venue:v@2026-05-01T10:00',
			'?add=venue:a b'
		])
			expect(itemToAdd(query(`/plan/2026-05-01${bad}`))).toBeUndefined();
	});

	test('add the item once, after the planned stops and before the left-out ones', () => {
		const before = plan([
			{ type: 'venue', id: 'ven_a' },
			{ type: 'venue', id: 'ven_b', left: true }
		]);
		const after = withItem(before, { type: 'venue', id: 'ven_c' });
		expect(after.items.map((i) => i.id)).toEqual(['ven_a', 'ven_c', 'ven_b']);
		expect(withItem(after, { type: 'venue', id: 'ven_c' })).toBe(after);
	});

	test('bring back an item that ordering had left out, keeping its visit length', () => {
		const before = plan([
			{ type: 'venue', id: 'ven_a' },
			{ type: 'venue', id: 'ven_b', left: true, minutes: 40 }
		]);
		const after = withItem(before, { type: 'venue', id: 'ven_b' });
		expect(after.items).toEqual([
			{ type: 'venue', id: 'ven_a' },
			{ type: 'venue', id: 'ven_b', minutes: 40 }
		]);
	});

	test('leave the rest of the address alone when the query is dropped', () => {
		const url = withoutAddParam(new URL('http://x/en/plan/2026-05-01?add=venue%3Av&x=1#top'));
		expect(url.href).toBe('http://x/en/plan/2026-05-01?x=1#top');
	});
});
