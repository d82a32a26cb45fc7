import { describe, expect, it } from 'vitest';
import {
	keepFresh,
	probeEvery,
	type FreshnessHost,
	type SyncOutcome
} from '$lib/offline/freshness';

/** A page whose visibility, connection and clock the test moves by hand. */
function fakePage(outcomes: SyncOutcome[] = []) {
	let now = 0;
	const timers = new Map<number, { at: number; run: () => void }>();
	let nextId = 1;
	const listeners: (() => void)[] = [];
	const page = { visible: true, online: true, syncs: [] as number[] };
	const host: FreshnessHost = {
		visible: () => page.visible,
		online: () => page.online,
		onChange: (listener) => listeners.push(listener),
		setTimeout(run, ms) {
			timers.set(nextId, { at: now + ms, run });
			return nextId++;
		},
		clearTimeout: (id) => timers.delete(id as number)
	};
	const sync = async (): Promise<SyncOutcome> => {
		page.syncs.push(now);
		return outcomes.shift() ?? 'done';
	};
	/** Moves the clock, running each timer that falls due (and letting its sync finish). */
	async function advance(ms: number) {
		const end = now + ms;
		for (;;) {
			const due = [...timers].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
			if (!due) break;
			timers.delete(due[0]);
			now = due[1].at;
			due[1].run();
			await settle();
		}
		now = end;
	}
	async function change(to: Partial<Pick<typeof page, 'visible' | 'online'>>) {
		Object.assign(page, to);
		listeners.forEach((listener) => listener());
		await settle();
	}
	return { page, host, sync, advance, change, pending: () => timers.size };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('keeping an open phone fresh', () => {
	it('asks at start and then every 25 seconds while the app is visible and online', async () => {
		const phone = fakePage();
		keepFresh(phone.sync, phone.host);
		await settle();
		await phone.advance(60_000);
		expect(phone.page.syncs).toEqual([0, probeEvery, 2 * probeEvery]);
	});

	it('asks nothing while hidden, and at once when the app is visible again', async () => {
		const phone = fakePage();
		keepFresh(phone.sync, phone.host);
		await settle();
		await phone.change({ visible: false });
		await phone.advance(10 * 60_000);
		expect(phone.page.syncs).toEqual([0]);
		expect(phone.pending()).toBe(0);
		await phone.change({ visible: true });
		expect(phone.page.syncs).toEqual([0, 10 * 60_000]);
	});

	it('asks nothing while offline, and at once when the signal comes back', async () => {
		const phone = fakePage();
		keepFresh(phone.sync, phone.host);
		await settle();
		await phone.change({ online: false });
		await phone.advance(5 * 60_000);
		expect(phone.page.syncs).toEqual([0]);
		await phone.change({ online: true });
		expect(phone.page.syncs).toEqual([0, 5 * 60_000]);
	});

	it('waits longer after each failure, and returns to the short pause after a success', async () => {
		const phone = fakePage(['retry', 'retry', 'retry', 'done']);
		keepFresh(phone.sync, phone.host);
		await settle();
		await phone.advance(5_000 + 15_000 + 45_000 + probeEvery);
		expect(phone.page.syncs).toEqual([0, 5_000, 20_000, 65_000, 65_000 + probeEvery]);
	});

	it('does not hammer a feed it cannot read: a failure retrying will not fix waits 15 minutes', async () => {
		const phone = fakePage(['stuck']);
		keepFresh(phone.sync, phone.host);
		await settle();
		await phone.advance(15 * 60_000 - 1);
		expect(phone.page.syncs).toEqual([0]);
		await phone.advance(1);
		expect(phone.page.syncs).toEqual([0, 15 * 60_000]);
	});

	it('never runs two syncs at once when the app wakes while one is running', async () => {
		const phone = fakePage();
		let finish: () => void = () => {};
		let calls = 0;
		const slowSync = () =>
			new Promise<SyncOutcome>((resolve) => {
				calls++;
				finish = () => resolve('done');
			});
		keepFresh(slowSync, phone.host);
		await phone.change({ online: false });
		await phone.change({ online: true });
		expect(calls).toBe(1);
		finish();
		await settle();
		expect(phone.pending()).toBe(1);
	});
});
