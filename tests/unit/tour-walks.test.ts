import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { walkLastsMs } from '$lib/content/walk-up';
import { guideDb } from '$lib/offline/db';
import { commands } from '$lib/offline/ops';

// The tour walk as the phone keeps it (Dexie, fake IndexedDB), through the commands pages use.
afterEach(async () => {
	vi.useRealTimers();
	await guideDb().tourWalks.clear();
});

describe('the tour walk kept on the phone', () => {
	it('keeps the stops started on a walk for the page that reloads mid-walk', async () => {
		await commands.beginTourWalk('t1');
		await commands.markWalkUpStarted({ tourId: 't1', stop: 2 });
		expect(await commands.markWalkUpStarted({ tourId: 't1', stop: 0 })).toEqual([2, 0]);
		// The same stop twice is kept once.
		expect(await commands.markWalkUpStarted({ tourId: 't1', stop: 2 })).toEqual([2, 0]);
		expect((await commands.currentTourWalk('t1'))?.started).toEqual([2, 0]);
		// Another tour's walk is its own.
		expect(await commands.currentTourWalk('t2')).toBeUndefined();
	});

	it('forgets the started stops when the visitor starts the walk again or ends it', async () => {
		await commands.beginTourWalk('t1');
		await commands.markWalkUpStarted({ tourId: 't1', stop: 1 });
		expect((await commands.beginTourWalk('t1')).started).toEqual([]);
		expect((await commands.currentTourWalk('t1'))?.started).toEqual([]);
		await commands.endTourWalk('t1');
		expect(await commands.currentTourWalk('t1')).toBeUndefined();
	});

	it('does not resume a walk left untouched for longer than a walk lasts', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		vi.setSystemTime(Date.parse('2026-12-07T08:00:00Z'));
		await commands.beginTourWalk('t1');
		await commands.markWalkUpStarted({ tourId: 't1', stop: 0 });
		vi.setSystemTime(Date.parse('2026-12-07T08:00:00Z') + walkLastsMs - 60_000);
		expect((await commands.currentTourWalk('t1'))?.started).toEqual([0]);
		vi.setSystemTime(Date.parse('2026-12-07T08:00:00Z') + walkLastsMs + 60_000);
		expect(await commands.currentTourWalk('t1')).toBeUndefined();
	});
});
