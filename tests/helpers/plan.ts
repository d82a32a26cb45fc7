import type { Plan } from '$lib/planner/plan';

/** A plan for `date` starting at Beihu Pavilion Square, 09:00–18:00 on foot, as a new day has. */
export function planOf(date: string, items: Plan['items'], extra: Partial<Plan> = {}): Plan {
	return {
		date,
		start: { kind: 'venue', venueId: 'ven_beihupavilion' },
		from: '09:00',
		to: '18:00',
		mode: 'walk',
		items,
		...extra
	};
}
