import type { Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import { command, downloadTiles, type JobOutcome, type TileJob } from '$lib/offline';

/**
 * The settings page's view of the map download: the saved job (to resume), progress while it
 * runs, and how the last run ended. One download at a time, across tabs too (Web Locks).
 */
export class MapDownload {
	// Raw: the job goes back into IndexedDB, which cannot store Svelte's state proxies.
	job: TileJob | undefined = $state.raw();
	running = $state(false);
	done = $state(0);
	total = $state(0);
	outcome: JobOutcome | undefined = $state.raw();
	error: string | undefined = $state();
	busy = $state(false);
	/** Bumped after every run, so the storage panel measures again. */
	runs = $state(0);
	#abort: AbortController | undefined;

	constructor(private readonly settings: () => MapSettings) {}

	/** A download that stopped before the end and can carry on. */
	get resumable(): boolean {
		return !this.running && !!this.job && this.job.next < this.job.total;
	}

	async load(): Promise<void> {
		this.job = await command('loadTileJob');
	}

	start(zooms: number[], lang: Language): Promise<void> {
		return this.#run({ zooms, lang, next: 0, total: 0 });
	}

	resume(): Promise<void> {
		return this.job ? this.#run(this.job) : Promise.resolve();
	}

	cancel(): void {
		this.#abort?.abort();
	}

	/** Drops the saved job (the tiles stay in the cache until cleared). */
	async forget(): Promise<void> {
		await command('clearTileJob');
		this.job = undefined;
		this.outcome = undefined;
	}

	async #run(start: TileJob): Promise<void> {
		if (this.running) return;
		this.error = undefined;
		this.busy = false;
		this.outcome = undefined;
		const task = () => this.#download(start);
		if (navigator.locks) {
			await navigator.locks.request('taibai-map-download', { ifAvailable: true }, async (lock) => {
				if (lock) await task();
				else this.busy = true;
			});
		} else await task();
	}

	async #download(start: TileJob): Promise<void> {
		this.#abort = new AbortController();
		this.running = true;
		try {
			this.outcome = await downloadTiles(this.settings(), start, {
				retina: devicePixelRatio > 1,
				signal: this.#abort.signal,
				onProgress: (done, total) => {
					this.done = done;
					this.total = total;
				},
				onSaved: (job) => (this.job = job)
			});
		} catch (error) {
			this.error = error instanceof Error ? error.message : String(error);
		} finally {
			this.running = false;
			this.#abort = undefined;
			this.runs++;
		}
	}
}
