import type { Language } from '$lib/content/localized';
import {
	downloadTour,
	planTourDownload,
	watch,
	type TourDownload,
	type TourDownloadOutcome,
	type TourDownloadPlan,
	type TourSource
} from '$lib/offline';

/**
 * The tour page's "Download this tour": the plan and its estimate, the mirror's record (ready,
 * partial, or stale when the tour's recordings changed since), progress while it runs and how
 * the last run ended. One download at a time, across tabs too (Web Locks).
 */
export class TourDownloader {
	plan: TourDownloadPlan | undefined = $state.raw();
	record: TourDownload | undefined = $state.raw();
	running = $state(false);
	done = $state(0);
	total = $state(0);
	outcome: TourDownloadOutcome | undefined = $state.raw();
	error: string | undefined = $state();
	busy = $state(false);
	#abort: AbortController | undefined;
	/** Stops waiting for the signal to come back (set while a lost signal has stopped a run). */
	#stopWaiting: (() => void) | undefined;

	readonly state = $derived.by((): 'none' | 'ready' | 'stale' | 'partial' => {
		const record = this.record;
		if (!record) return 'none';
		if (record.state !== 'ready') return 'partial';
		const planned = this.plan
			? [...this.plan.recordings.map((r) => r.url), ...this.plan.photos]
			: [];
		return planned.every((url) => record.media.includes(url)) ? 'ready' : 'stale';
	});

	/**
	 * Plans the download and follows its record; the returned cleanup stops following it. A
	 * download already running carries on (a sync that updates the page re-plans, nothing more);
	 * leaving the page cancels it (`cancel`).
	 */
	connect(source: TourSource, lang: Language): () => void {
		// Another tour (client-side navigation keeps this page): its own download, not this one's.
		if (this.plan && this.plan.key !== `${source.tour.id}:${lang}`) {
			this.cancel();
			this.outcome = undefined;
		}
		let alive = true;
		// Read as it is: planning only reads the page's data (plain, never a $state proxy) and builds
		// a new plan. A $state.snapshot here walked and cloned the whole tour view (every stop's
		// narration) on the main thread, hundreds of milliseconds of a phone's start-up. The screen
		// decides which rendition of each venue photo the venue page asks for.
		const screen = { width: innerWidth, dpr: devicePixelRatio };
		void planTourDownload(source, lang, screen).then((plan) => {
			if (alive) this.plan = plan;
		});
		const key = `${source.tour.id}:${lang}`;
		const stop = watch('tourDownloads', undefined, (records) => {
			this.record = records.find((r) => r.key === key);
		});
		return () => {
			alive = false;
			stop();
		};
	}

	async start(): Promise<void> {
		const plan = this.plan;
		if (!plan || this.running) return;
		this.#stopWaiting?.();
		this.error = undefined;
		this.busy = false;
		this.outcome = undefined;
		const task = () => this.#download(plan);
		if (navigator.locks) {
			await navigator.locks.request('taibai-tour-download', { ifAvailable: true }, async (lock) => {
				if (lock) await task();
				else this.busy = true;
			});
		} else await task();
	}

	cancel(): void {
		this.#abort?.abort();
		this.#stopWaiting?.();
	}

	/**
	 * A run the lost signal stopped carries on by itself once the browser says it is online
	 * again, skipping what is stored: the phone may be in a pocket by then. The Resume button
	 * stays for a signal that comes back without the browser noticing it was gone.
	 */
	#resumeWhenOnline(): void {
		const resume = () => {
			this.#stopWaiting = undefined;
			void this.start();
		};
		window.addEventListener('online', resume, { once: true });
		this.#stopWaiting = () => {
			window.removeEventListener('online', resume);
			this.#stopWaiting = undefined;
		};
	}

	async #download(plan: TourDownloadPlan): Promise<void> {
		this.#abort = new AbortController();
		this.running = true;
		this.done = 0;
		this.total = plan.recordings.length + plan.photos.length + plan.tiles.length;
		try {
			this.outcome = await downloadTour(plan, {
				signal: this.#abort.signal,
				onProgress: (done, total) => {
					this.done = done;
					this.total = total;
				}
			});
			if (this.outcome.status === 'offline') this.#resumeWhenOnline();
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.running = false;
			this.#abort = undefined;
		}
	}
}
