/**
 * When the phone asks the server for changes. While the app is visible and online it asks every
 * `probeEvery` (a conditional request: an unchanged feed costs one `304`), so an edit shows on an
 * open page within a minute even behind a CDN that reuses answers for `FEED_MAX_AGE` (30 s).
 * Hidden or offline, nothing is asked; becoming visible or coming back online asks at once. After
 * a failure the pauses grow (a flaky signal first, then no more often than every 15 minutes).
 */
export const probeEvery = 25_000;
const fifteenMinutes = 15 * 60_000;
const backoff = [5_000, 15_000, 45_000, 120_000, 300_000, fifteenMinutes];

/** How a sync went: done, failed and worth retrying soon, or failed in a way retrying won't fix. */
export type SyncOutcome = 'done' | 'retry' | 'stuck';

export interface FreshnessHost {
	visible(): boolean;
	online(): boolean;
	/** Calls back when the page becomes visible or hidden, or the browser goes online or offline. */
	onChange(listener: () => void): void;
	setTimeout(run: () => void, ms: number): unknown;
	clearTimeout(timer: unknown): void;
}

export function keepFresh(sync: () => Promise<SyncOutcome>, host: FreshnessHost): void {
	let failures = 0;
	let timer: unknown;
	let running = false;
	let wasAwake = false;

	const awake = () => host.visible() && host.online();

	function schedule(ms: number) {
		host.clearTimeout(timer);
		timer = awake() ? host.setTimeout(run, ms) : undefined;
	}

	async function run() {
		host.clearTimeout(timer);
		if (running || !awake()) return;
		running = true;
		let outcome: SyncOutcome;
		try {
			outcome = await sync();
		} finally {
			running = false;
		}
		if (outcome === 'done') failures = 0;
		else failures++;
		const pause =
			outcome === 'done'
				? probeEvery
				: outcome === 'stuck'
					? fifteenMinutes
					: backoff[Math.min(failures - 1, backoff.length - 1)];
		schedule(pause);
	}

	host.onChange(() => {
		const now = awake();
		// Woken (visible again, or back online): ask at once. Put to sleep: stop asking.
		if (now && !wasAwake) void run();
		else if (!now) host.clearTimeout(timer);
		wasAwake = now;
	});
	wasAwake = awake();
	void run();
}
