import { describe, expect, it } from 'vitest';
import { tileLayers, type MapSettings } from '$lib/content/map-settings';
import { canvas, smallestFrame, staticView } from '$lib/map/static-view';
import { tileX, tileY } from '$lib/map/tile-math';
import type { MapMarker } from '$lib/map/types';

const osm: MapSettings = { source: 'osm', attribution: '© OpenStreetMap', bulkDownload: false };
const layers = tileLayers(osm, 'zh');
const phone = { width: 328, height: 192 };

function marker(id: string, lat: number, lon: number, number?: number): MapMarker {
	return { id, label: id, position: { lat, lon }, number };
}

// Two stops about 1.4 km apart on the lake shore.
const stops = [marker('a', 35.36, 116.58, 1), marker('b', 35.37, 116.594, 2)];

describe('A map drawn on the server', () => {
	it('centres a single place on the canvas at street level', () => {
		const view = staticView({ markers: [stops[0]], paths: [], layers, fit: phone });
		expect(view.zoom).toBe(15);
		const [pin] = view.pins;
		expect(Math.abs(pin.x - canvas.width / 2)).toBeLessThanOrEqual(1);
		expect(Math.abs(pin.y - canvas.height / 2)).toBeLessThanOrEqual(1);
	});

	it('picks the largest zoom at which every point fits the smallest frame with padding', () => {
		const view = staticView({ markers: stops, paths: [], layers, fit: phone });
		const xs = view.pins.map((p) => p.x);
		const ys = view.pins.map((p) => p.y);
		const fitsAt = (scale: number) =>
			(Math.max(...xs) - Math.min(...xs)) * scale <= phone.width - 48 &&
			(Math.max(...ys) - Math.min(...ys)) * scale <= phone.height - 48;
		expect(fitsAt(1)).toBe(true);
		// One zoom level closer doubles every distance, and the points no longer fit.
		expect(fitsAt(2)).toBe(false);
		// The pins sit around the canvas centre, so the frame (centred on it) shows them all.
		const midX = (Math.max(...xs) + Math.min(...xs)) / 2;
		expect(Math.abs(midX - canvas.width / 2)).toBeLessThanOrEqual(1);
	});

	it('lays the tile under each pin where the pin is, with the same URL Leaflet would ask for', () => {
		const view = staticView({ markers: stops, paths: [], layers, fit: phone });
		for (const pin of view.pins) {
			const x = tileX(pin.marker.position.lon, view.zoom);
			const y = tileY(pin.marker.position.lat, view.zoom);
			const tile = view.layers[0].find((t) => t.key === `${view.zoom}/${x}/${y}`);
			expect(tile?.url).toBe(`https://tile.openstreetmap.org/${view.zoom}/${x}/${y}.png`);
			expect(pin.x - tile!.left).toBeGreaterThanOrEqual(0);
			expect(pin.x - tile!.left).toBeLessThan(256);
			expect(pin.y - tile!.top).toBeGreaterThanOrEqual(0);
			expect(pin.y - tile!.top).toBeLessThan(256);
		}
	});

	it('covers the whole canvas with tiles and no more', () => {
		const view = staticView({ markers: stops, paths: [], layers, fit: phone });
		const tiles = view.layers[0];
		expect(Math.min(...tiles.map((t) => t.left))).toBeLessThanOrEqual(0);
		expect(Math.min(...tiles.map((t) => t.top))).toBeLessThanOrEqual(0);
		expect(Math.max(...tiles.map((t) => t.left + 256))).toBeGreaterThanOrEqual(canvas.width);
		expect(Math.max(...tiles.map((t) => t.top + 256))).toBeGreaterThanOrEqual(canvas.height);
		expect(tiles.every((t) => t.left > -256 && t.top > -256)).toBe(true);
		expect(tiles.every((t) => t.left < canvas.width && t.top < canvas.height)).toBe(true);
	});

	it('stacks Tianditu’s label layer over its basemap with the same tiles', () => {
		const tianditu: MapSettings = { ...osm, source: 'tianditu', tiandituKey: 'k' };
		const view = staticView({
			markers: stops,
			paths: [],
			layers: tileLayers(tianditu, 'en'),
			fit: phone
		});
		expect(view.layers).toHaveLength(2);
		expect(view.layers[1].map((t) => t.key)).toEqual(view.layers[0].map((t) => t.key));
		expect(view.layers[1][0].url).toContain('LAYER=eva');
	});

	it('draws a path through the projected points and legs only when asked', () => {
		const path: [number, number][] = [
			[116.58, 35.36],
			[116.594, 35.37]
		];
		const view = staticView({ markers: stops, paths: [path], layers, fit: phone });
		const pinPoints = view.pins.map((p) => `${p.x},${p.y}`).join(' ');
		expect(view.paths).toEqual([pinPoints]);
		expect(view.legs).toBeUndefined();
		expect(staticView({ markers: stops, paths: [], layers, fit: phone, legs: true }).legs).toBe(
			pinPoints
		);
	});

	it('reads a frame’s height in rem, px and vh of a short phone screen', () => {
		expect(smallestFrame('12rem')).toEqual({ width: 328, height: 192 });
		expect(smallestFrame('300px').height).toBe(300);
		expect(smallestFrame('45vh').height).toBe(270);
	});
});
