import { distanceM, type Position } from '$lib/content/geo';
import type { TourStopView } from '$lib/content/views/tour';
import { command, watch } from '$lib/offline';

export type LocationState = 'off' | 'locating' | 'found' | 'denied' | 'unavailable';

/**
 * "Start this tour": the visitor's position while they follow the tour, and the stops they ticked
 * off, which live in Dexie on this device (loaded on demand so Dexie is not in the page's first
 * JavaScript). Ticks go action → Dexie → liveQuery → this state, like favourites.
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
		return () => {
			unsubscribe();
			this.stop();
		};
	}

	start(): void {
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

	stop(): void {
		this.#clearWatch();
		this.following = false;
		this.location = 'off';
		this.position = undefined;
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
