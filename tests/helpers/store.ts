import { openStore, type Store } from '$lib/server/store';
import type { EventInput, VenueInput } from '$lib/content/schemas';

/** A fresh, migrated, empty store in memory. */
export function testStore(): Promise<Store> {
	return openStore(':memory:');
}

let counter = 0;

export function venueInputFixture(overrides: Partial<VenueInput> = {}): VenueInput {
	counter++;
	return {
		id: `ven_fixture${counter}`,
		slug: `test-venue-${counter}`,
		status: 'published',
		kind: 'museum',
		name: { zh: `测试场馆${counter}`, en: `Test venue ${counter}` },
		summary: { zh: '简介' },
		description: { zh: '介绍' },
		position: { lat: 35.35, lon: 116.6 },
		address: { zh: '太白湖新区' },
		openingHours: 'Tu-Su 09:00-17:00',
		...overrides
	};
}

export function eventInputFixture(overrides: Partial<EventInput> = {}): EventInput {
	counter++;
	return {
		id: `evt_fixture${counter}`,
		slug: `test-event-${counter}`,
		status: 'published',
		title: { zh: `测试活动${counter}` },
		summary: { zh: '简介' },
		description: { zh: '介绍' },
		position: { lat: 35.35, lon: 116.6 },
		start: '2026-12-05T19:30',
		end: '2026-12-05T21:00',
		category: 'performance',
		price: { free: true },
		...overrides
	};
}
