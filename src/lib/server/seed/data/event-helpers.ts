import type { EventInput } from '$lib/content/schemas';
import { addDays } from '$lib/content/time';

/** Shanghai wall-clock time `days` after the seed day, e.g. on(today, 1, '19:30'). */
export function on(today: string, days: number, time: string): string {
	return `${addDays(today, days)}T${time}`;
}

export const free: EventInput['price'] = { free: true };

/** A paid event; the amounts are sample prices like every other seeded price. */
export function ticket(amountCny: number): EventInput['price'] {
	return { free: false, text: { zh: `¥${amountCny}`, en: `¥${amountCny}` }, amountCny };
}
