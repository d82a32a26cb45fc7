import type { Position } from '$lib/content/geo';

export type NearMeStatus = 'idle' | 'locating' | 'found' | 'denied' | 'unavailable';

/**
 * The visitor's position, asked for once on a tap and never stored. A refusal or a failure is an
 * answer too: the page says so and keeps working without distances.
 */
export class NearMe {
	status: NearMeStatus = $state('idle');
	position: Position | undefined = $state();

	locate(): void {
		if (typeof navigator === 'undefined' || !('geolocation' in navigator)) {
			this.status = 'unavailable';
			return;
		}
		this.status = 'locating';
		navigator.geolocation.getCurrentPosition(
			({ coords }) => {
				this.position = { lat: coords.latitude, lon: coords.longitude };
				this.status = 'found';
			},
			(error) => {
				this.position = undefined;
				this.status = error.code === error.PERMISSION_DENIED ? 'denied' : 'unavailable';
			},
			{ enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 }
		);
	}
}
