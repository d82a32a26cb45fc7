import type * as Leaflet from 'leaflet';
import type { Position } from '$lib/content/geo';

/**
 * The visitor's own position as a dot, drawn beside MapView's markers rather than among them:
 * MapView refits the map whenever its markers change, and a position moves every few seconds.
 */
export function positionMarker(map: Leaflet.Map, L: typeof Leaflet) {
	let dot: Leaflet.CircleMarker | undefined;
	return (position: Position | undefined): void => {
		if (!position) {
			dot?.remove();
			dot = undefined;
			return;
		}
		const at: [number, number] = [position.lat, position.lon];
		if (dot) dot.setLatLng(at);
		else {
			dot = L.circleMarker(at, {
				radius: 8,
				color: '#fff',
				weight: 3,
				fillColor: '#1a73e8',
				fillOpacity: 1,
				interactive: false,
				className: 'visitor-position'
			}).addTo(map);
		}
	};
}
