import { distanceM, type Position } from '$lib/content/geo';
import type { TourStopView } from '$lib/content/views/tour';
import { resumedWalkUp, walkUp, walkUpStart, type WalkUpState } from '$lib/content/walk-up';
import { command, watch, type WalkUpMode } from '$lib/offline';

export type LocationState = 'off' | 'locating' | 'found' | 'denied' | 'unavailable';

/**
 * "Start this tour": the visitor's position while they follow the tour, and the stops they ticked
 * off, which live in Dexie on this device (loaded on demand so Dexie is not in the page's first
 * JavaScript). Ticks go action → Dexie → liveQuery → this state, like favourites.
 *
 * The walk itself is kept on the phone too (`beginTourWalk`, `markWalkUpStarted`, `endTourWalk`):
 * a walk under way when the page reloads (or the browser restarts) carries on, GPS and all, with
 * the stops it already started, so none plays twice. Only starting the walk again explicitly
 * makes a new walk on which every stop may play again.
 */
export class TourWalk {
	readonly tourId: string;
	readonly #stops: () => TourStopView[];
	following = $state(false);
	location = $state<LocationState>('off');
	position = $state<Position | undefined>();
	visited = $state<number[]>([]);
	/** False until the ticks on this device are read: checkboxes stay disabled until then. */
	ready = $state(false);
	/** Stops the visitor chose to skip on this walk (closed ones, usually). */
	skipped = $state<number[]>([]);
	/** The order the visitor walks in, by stop index, when they moved closed stops to later. */
	order = $state<number[] | undefined>();
	/** The visitor's choice: reaching a stop starts its narration, or offers it (see settings). */
	walkUpMode = $state<WalkUpMode>('start');
	/** The stop whose narration should start now; `id` tells a new request from the last one. */
	listenRequest = $state<{ index: number; id: number } | undefined>();
	/** The stop reached whose narration is offered, in `offer` mode. */
	offered = $state<number | undefined>();

	// $derived.by: the stops function is assigned in the constructor, after these fields exist.
	/** The stops in walking order. */
	readonly walked = $derived.by(() => {
		const stops = this.#stops();
		const order = this.order;
		if (!order) return stops;
		return [...stops].sort((a, b) => order.indexOf(a.index) - order.indexOf(b.index));
	});
	readonly next = $derived.by(() =>
		this.walked.find((s) => !this.visited.includes(s.index) && !this.skipped.includes(s.index))
	);
	readonly done = $derived.by(
		() => this.#stops().filter((s) => this.visited.includes(s.index)).length
	);
	readonly finished = $derived(this.ready && !this.next);
	readonly distanceToNext = $derived(
		this.position && this.next ? distanceM(this.position, this.next.position) : undefined
	);
	/** Inside the next stop's walk-up radius (editor-set, default 40 m), the visitor is "at" it. */
	readonly arrived = $derived(
		this.distanceToNext !== undefined && !!this.next && this.distanceToNext <= this.next.radiusM
	);

	#watch: number | undefined;
	#walkUp: WalkUpState = walkUpStart;
	#requests = 0;

	constructor(tourId: string, stops: () => TourStopView[]) {
		this.tourId = tourId;
		this.#stops = stops;
	}

	/** Follows this device's ticks; the returned cleanup also stops watching the position. */
	connect(): () => void {
		// Asked of the mirror's worker, so opening a tour never loads Dexie on the page.
		const unsubscribe = watch('visitedStops', this.tourId, (stops) => {
			this.visited = stops;
			this.ready = true;
			// Every stop ticked: nothing left to guide to, so stop spending the battery on GPS.
			if (this.finished) this.stop();
		});
		const unwatchMode = watch('walkUpMode', undefined, (mode) => (this.walkUpMode = mode));
		let connected = true;
		void command('currentTourWalk', this.tourId).then((walk) => {
			// The visitor may have started a new walk meanwhile, or every stop may be ticked.
			if (!walk || !connected || this.following || this.finished) return;
			this.#walkUp = resumedWalkUp(walk);
			this.#follow();
		});
		return () => {
			connected = false;
			unsubscribe();
			unwatchMode();
			// Leaving the page pauses the walk (no GPS in the background); it is not over.
			this.#pause();
		};
	}

	/** The visitor starts the walk: a new one, on which every stop may start once again. */
	start(): void {
		this.#walkUp = walkUpStart;
		void command('beginTourWalk', this.tourId);
		this.#follow();
	}

	#follow(): void {
		this.following = true;
		if (!('geolocation' in navigator)) {
			this.location = 'unavailable';
			return;
		}
		this.location = 'locating';
		this.#watch = navigator.geolocation.watchPosition(
			({ coords }) => {
				this.position = { lat: coords.latitude, lon: coords.longitude };
				this.location = 'found';
				this.#arrive(coords);
			},
			(error) => {
				if (error.code === error.PERMISSION_DENIED) {
					this.#clearWatch();
					this.location = 'denied';
				} else if (!this.position) {
					// A timeout after a fix keeps the last position; without one there is nothing to show.
					this.location = 'unavailable';
				}
			},
			{ enableHighAccuracy: true, maximumAge: 15_000, timeout: 30_000 }
		);
	}

	/** The visitor ends the walk (or has ticked every stop): the next one starts afresh. */
	stop(): void {
		void command('endTourWalk', this.tourId);
		this.#pause();
	}

	#pause(): void {
		this.#clearWatch();
		this.following = false;
		this.location = 'off';
		this.position = undefined;
		this.offered = undefined;
	}

	/** Starts a stop's narration (the stop list opens its player and plays it). */
	listen(index: number): void {
		this.offered = undefined;
		this.listenRequest = { index, id: ++this.#requests };
	}

	/** The visitor turned down the offered narration; the stop is not offered again on this walk. */
	decline(): void {
		this.offered = undefined;
	}

	/**
	 * Feeds a fix to the walk-up rule ($lib/content/walk-up): a stop reached starts its narration
	 * or offers it, once per walk. Skipped stops never start. Without location permission there
	 * are no fixes, so nothing ever starts by itself.
	 */
	#arrive(coords: GeolocationCoordinates): void {
		const stops = this.walked
			.filter((s) => !this.skipped.includes(s.index))
			.map((s) => ({ index: s.index, position: s.position, radiusM: s.radiusM }));
		const { state, start } = walkUp(stops, this.#walkUp, {
			position: { lat: coords.latitude, lon: coords.longitude },
			accuracyM: Number.isFinite(coords.accuracy) ? coords.accuracy : undefined
		});
		this.#walkUp = state;
		if (start === undefined) return;
		// Kept at once: a reload a moment later must not play this stop again.
		void command('markWalkUpStarted', { tourId: this.tourId, stop: start });
		if (this.walkUpMode === 'start') this.listen(start);
		else this.offered = start;
	}

	skip(stops: number[]): void {
		this.skipped = [...this.skipped, ...stops.filter((s) => !this.skipped.includes(s))];
	}

	reorder(order: number[]): void {
		this.order = order;
	}

	/** Back to every stop in the tour's own order. */
	restore(): void {
		this.skipped = [];
		this.order = undefined;
	}

	async tick(stop: number, visited: boolean): Promise<void> {
		await command('setStopVisited', { tourId: this.tourId, stop, visited });
	}

	async clear(): Promise<void> {
		await command('clearVisitedStops', this.tourId);
	}

	#clearWatch(): void {
		if (this.#watch !== undefined) navigator.geolocation.clearWatch(this.#watch);
		this.#watch = undefined;
	}
}
