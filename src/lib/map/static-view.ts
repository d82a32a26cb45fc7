import { districtBounds, type TileLayer } from '$lib/content/map-settings';
import { framing, pointsOf } from './drawing';
import { tileUrl } from './tile-math';
import type { MapMarker, MapPath } from './types';

/**
 * A map drawn without Leaflet: the tiles, paths and numbered markers of the view Leaflet would fit,
 * laid out on a fixed canvas by the same Web Mercator arithmetic (256 px tiles, whole zoom levels).
 * The server renders it, so a page shows its map at first paint, offline and without JavaScript,
 * and Leaflet (150 KB, a long start-up task on a phone) loads only when the visitor wants to pan.
 *
 * The canvas is wider and taller than any frame it sits in and is centred in it; the zoom is the
 * largest at which every point fits the smallest frame the page uses (`fit`), so a wide screen shows
 * more surroundings instead of a stretched picture.
 */

/** The canvas: wider than the content column (48rem), taller than the tallest map frame. */
export const canvas = { width: 800, height: 640 } as const;
const TILE = 256;
const MIN_ZOOM = 3;

export interface StaticTile {
	key: string;
	url: string;
	left: number;
	top: number;
}

export interface StaticPin {
	marker: MapMarker;
	x: number;
	y: number;
}

export interface StaticView {
	zoom: number;
	/** One list per tile layer, bottom first (a basemap, then Tianditu's labels). */
	layers: StaticTile[][];
	pins: StaticPin[];
	/** SVG `points` strings in canvas pixels. */
	paths: string[];
	/** Dashed straight legs between consecutive pins (the planner's), or undefined. */
	legs?: string;
}

/** World pixel coordinates at zoom z (Leaflet's EPSG:3857 projection). */
function project(lat: number, lon: number, z: number): [number, number] {
	const size = TILE * 2 ** z;
	const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
	const x = ((lon + 180) / 360) * size;
	const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size;
	return [x, y];
}

/** The largest whole zoom at which the points fit a frame of `fit` pixels, as Leaflet's fitBounds. */
function fitZoom(points: [number, number][], fit: { width: number; height: number }): number {
	const world = points.map(([lat, lon]) => project(lat, lon, 0));
	const xs = world.map((p) => p[0]);
	const ys = world.map((p) => p[1]);
	const spanX = Math.max(...xs) - Math.min(...xs);
	const spanY = Math.max(...ys) - Math.min(...ys);
	if (spanX === 0 && spanY === 0) return framing.singleZoom;
	const scale = Math.min(
		spanX > 0 ? (fit.width - 2 * framing.padding) / spanX : Infinity,
		spanY > 0 ? (fit.height - 2 * framing.padding) / spanY : Infinity
	);
	return Math.max(MIN_ZOOM, Math.min(framing.maxZoom, Math.floor(Math.log2(scale))));
}

export function staticView(options: {
	markers: MapMarker[];
	paths: MapPath[];
	layers: TileLayer[];
	/** The smallest frame the map is shown in, in CSS pixels. */
	fit: { width: number; height: number };
	legs?: boolean;
}): StaticView {
	const { markers, paths, layers, fit } = options;
	let points = pointsOf(markers, paths);
	if (points.length === 0) {
		points = [
			[districtBounds.south, districtBounds.west],
			[districtBounds.north, districtBounds.east]
		];
	}
	const zoom = points.length === 1 ? framing.singleZoom : fitZoom(points, fit);
	const world = points.map(([lat, lon]) => project(lat, lon, zoom));
	const xs = world.map((p) => p[0]);
	const ys = world.map((p) => p[1]);
	const originX = Math.round((Math.min(...xs) + Math.max(...xs)) / 2 - canvas.width / 2);
	const originY = Math.round((Math.min(...ys) + Math.max(...ys)) / 2 - canvas.height / 2);
	const toCanvas = (lat: number, lon: number): [number, number] => {
		const [x, y] = project(lat, lon, zoom);
		return [Math.round((x - originX) * 10) / 10, Math.round((y - originY) * 10) / 10];
	};

	const count = 2 ** zoom;
	const tiles: { x: number; y: number; left: number; top: number }[] = [];
	for (let x = Math.floor(originX / TILE); x * TILE < originX + canvas.width; x++) {
		for (let y = Math.floor(originY / TILE); y * TILE < originY + canvas.height; y++) {
			if (x < 0 || y < 0 || x >= count || y >= count) continue;
			tiles.push({ x, y, left: x * TILE - originX, top: y * TILE - originY });
		}
	}
	const pins = markers.map((marker) => {
		const [x, y] = toCanvas(marker.position.lat, marker.position.lon);
		return { marker, x, y };
	});
	const line = (coords: [number, number][]) =>
		coords.map(([lat, lon]) => toCanvas(lat, lon).join(',')).join(' ');
	return {
		zoom,
		layers: layers.map((layer) =>
			tiles.map((t) => ({
				key: `${zoom}/${t.x}/${t.y}`,
				url: tileUrl(layer.url, { z: zoom, x: t.x, y: t.y }, layer.subdomains ?? 'abc'),
				left: t.left,
				top: t.top
			}))
		),
		pins,
		paths: paths.map((path) => line(path.map(([lon, lat]) => [lat, lon]))),
		legs:
			options.legs && markers.length > 1
				? line(markers.map((mk) => [mk.position.lat, mk.position.lon]))
				: undefined
	};
}

/**
 * The smallest frame a map of CSS height `height` is shown in: a 360 px phone less the page's
 * margins, and the height in pixels (rem at 16 px; vh of a short 600 px phone screen).
 */
export function smallestFrame(height: string): { width: number; height: number } {
	const value = parseFloat(height);
	const px = height.endsWith('vh')
		? (value / 100) * 600
		: height.endsWith('rem')
			? value * 16
			: height.endsWith('px')
				? value
				: 256;
	return { width: 328, height: Math.round(px) };
}
