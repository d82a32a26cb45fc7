import type * as Leaflet from 'leaflet';
import { framing, legStyle, pathStyle } from './drawing';
import type { MapMarker, MapPath } from './types';

/**
 * Leaflet's layer of markers and paths: numbered pins with a popup linking to the place, the
 * paths, the planner's legs. Markers marked `standalone` (the visitor's position) stay out of a
 * cluster. Returns the layer, already on the map, so the caller can replace it when props change.
 */
export function drawOverlay(
	leaflet: typeof Leaflet,
	map: Leaflet.Map,
	options: { markers: MapMarker[]; paths: MapPath[]; legs: boolean; cluster: boolean }
): Leaflet.LayerGroup {
	const { markers, paths, legs, cluster } = options;
	const group: Leaflet.LayerGroup =
		cluster && 'markerClusterGroup' in leaflet
			? (leaflet as unknown as { markerClusterGroup(): Leaflet.LayerGroup }).markerClusterGroup()
			: leaflet.layerGroup();
	const loose = leaflet.layerGroup();
	for (const path of paths) {
		leaflet
			.polyline(
				path.map(([lon, lat]) => [lat, lon]),
				pathStyle
			)
			.addTo(group);
	}
	if (legs && markers.length > 1) {
		leaflet
			.polyline(
				markers.map((mk) => [mk.position.lat, mk.position.lon]),
				legStyle
			)
			.addTo(group);
	}
	for (const mk of markers) {
		const marker = leaflet.marker([mk.position.lat, mk.position.lon], {
			icon: icon(leaflet, mk),
			title: mk.label,
			alt: mk.label,
			keyboard: true
		});
		const label = escapeHtml(mk.label);
		marker.bindPopup(mk.href ? `<a href="${mk.href}">${label}</a>` : label);
		(mk.standalone ? loose : group).addLayer(marker);
	}
	return leaflet.layerGroup([group, loose]).addTo(map);
}

/** Shows the points as the drawn map does (static-view.ts): one at street level, several fitted. */
export function fitView(map: Leaflet.Map, points: [number, number][]): void {
	if (points.length === 1) map.setView(points[0], framing.singleZoom);
	else if (points.length > 1) {
		map.fitBounds(points, {
			padding: [framing.padding, framing.padding],
			maxZoom: framing.maxZoom
		});
	}
}

function icon(leaflet: typeof Leaflet, marker: MapMarker): Leaflet.DivIcon {
	const text = marker.number !== undefined ? String(marker.number) : '';
	return leaflet.divIcon({
		className: `pin pin-${marker.kind ?? 'default'}${marker.active ? ' pin-active' : ''}`,
		html: `<span aria-hidden="true">${text}</span>`,
		iconSize: [28, 28],
		iconAnchor: [14, 14]
	});
}

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
