import { describe, expect, it } from 'vitest';
import { RevisionClock, type ClockSource } from '$lib/server/content/revision-clock';
import type { FeedCounters } from '$lib/server/content/revision';

/** A database that answers probes when told to, a commit counter and a clock the test moves. */
function fakeSource(initial: FeedCounters) {
	const state = {
		db: { ...initial },
		commits: 0,
		time: 0,
		probes: 0,
		pending: [] as (() => void)[]
	};
	const source: ClockSource = {
		probe: () => {
			state.probes++;
			// The reading is what the database holds when the query runs, i.e. now.
			const seen = { ...state.db };
			return new Promise((resolve) => state.pending.push(() => resolve(seen)));
		},
		commits: () => state.commits,
		now: () => state.time
	};
	/** Lets every probe sent so far come back. */
	const answer = async () => {
		for (const reply of state.pending.splice(0)) reply();
		await Promise.resolve();
	};
	return { state, source, answer };
}

/** A read that completes: the probe it may send is answered at once. */
async function read(clock: RevisionClock, answer: () => Promise<void>) {
	const reading = clock.read();
	await answer();
	return reading;
}

describe('the revision clock', () => {
	it('answers from memory while its reading is fresh and nothing was committed here', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		expect(clock.peek()).toBeUndefined();
		expect(await read(clock, answer)).toEqual({ revision: 7, floor: 0 });
		state.time = 400;
		for (let i = 0; i < 100; i++) expect(clock.peek()).toEqual({ revision: 7, floor: 0 });
		expect(state.probes).toBe(1);
	});

	it('asks the database again at once after this process commits a transaction', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		await read(clock, answer);
		state.db.revision = 8;
		state.commits++;
		expect(clock.peek()).toBeUndefined();
		expect(await read(clock, answer)).toEqual({ revision: 8, floor: 0 });
		expect(state.probes).toBe(2);
	});

	it('lets a reading expire after the TTL, so another server’s write is seen within it', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		await read(clock, answer);
		// Another server commits: no commit here, so only time can tell.
		state.db.revision = 9;
		state.time = 999;
		clock.peek();
		// The refresh started at 999 is answered only later: meanwhile the old reading still holds.
		state.time = 1000;
		expect(clock.peek()).toBeUndefined();
		expect(await read(clock, answer)).toEqual({ revision: 9, floor: 0 });
	});

	it('refreshes in the background once half the TTL has passed, so readers never wait', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		await read(clock, answer);
		state.db.revision = 8;
		state.time = 499;
		expect(clock.peek()?.revision).toBe(7);
		expect(state.probes).toBe(1);
		state.time = 500;
		expect(clock.peek()?.revision).toBe(7);
		expect(state.probes).toBe(2);
		await answer();
		expect(clock.peek()?.revision).toBe(8);
	});

	it('sends one probe however many readers ask at the same moment', async () => {
		const { state, source, answer } = fakeSource({ revision: 3, floor: 1 });
		const clock = new RevisionClock(source, 1000);
		const readings = Array.from({ length: 50 }, () => clock.read());
		await answer();
		expect(await Promise.all(readings)).toEqual(Array(50).fill({ revision: 3, floor: 1 }));
		expect(state.probes).toBe(1);
	});

	it('never trusts a probe that began before a commit made here', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		const early = clock.read();
		// The write commits while that probe is on its way with the old revision.
		state.db.revision = 8;
		state.commits++;
		const late = clock.read();
		expect(state.probes).toBe(2);
		await answer();
		expect((await early).revision).toBe(7);
		expect((await late).revision).toBe(8);
		expect(clock.peek()?.revision).toBe(8);
	});

	it('never moves backwards when an older answer arrives after a newer one', async () => {
		const { state, source } = fakeSource({ revision: 7, floor: 0 });
		const clock = new RevisionClock(source, 1000);
		const first = clock.read();
		state.db = { revision: 9, floor: 2 };
		state.commits++;
		const second = clock.read();
		const [older, newer] = state.pending.splice(0);
		newer();
		expect(await second).toEqual({ revision: 9, floor: 2 });
		older();
		expect(await first).toEqual({ revision: 9, floor: 2 });
		expect(clock.peek()).toEqual({ revision: 9, floor: 2 });
	});

	it('lets a failed probe fail the read, and tries again on the next one', async () => {
		const { state, source, answer } = fakeSource({ revision: 7, floor: 0 });
		let down = true;
		const clock = new RevisionClock(
			{
				...source,
				probe: () => (down ? Promise.reject(new Error('database down')) : source.probe())
			},
			1000
		);
		await expect(clock.read()).rejects.toThrow('database down');
		down = false;
		expect(await read(clock, answer)).toEqual({ revision: 7, floor: 0 });
		expect(state.probes).toBe(1);
	});
});
