import type { MapMarker, MapPath } from './types';

/**
 * How every map frames and draws its content, so the map the server draws (static-view.ts) and
 * Leaflet's (leaflet-overlay.ts) show the same view in the same colours.
 */
export const framing = {
	/** One point alone is shown at street level. */
	singleZoom: 15,
	/** Several points are fitted, but never closer than this. */
	maxZoom: 16,
	/** Pixels kept clear around the fitted points. */
	padding: 24
} as const;

/** A tour's drawn path: lantern red. */
export const pathStyle = { color: '#c8102e', weight: 4, opacity: 0.85 } as const;
/** The planner's straight travel legs between stops: lake blue, dashed. */
export const legStyle = { color: '#0f5e8c', weight: 3, dashArray: '6 8' } as const;

/** Every point a map must show, as [latitude, longitude]: its markers and its paths' vertices. */
export function pointsOf(markers: MapMarker[], paths: MapPath[]): [number, number][] {
	return [
		...markers.map((mk) => [mk.position.lat, mk.position.lon] as [number, number]),
		...paths.flat().map(([lon, lat]) => [lat, lon] as [number, number])
	];
}
