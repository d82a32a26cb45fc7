/**
 * Web Mercator ("slippy map") tile arithmetic, as OpenStreetMap, Tianditu's `_w` matrix set and
 * Leaflet use it: at zoom z the world is 2^z × 2^z tiles of 256 px, x grows eastwards from 180° W
 * and y southwards from 85.0511° N. https://wiki.openstreetmap.org/wiki/Slippy_map_tilenames
 * Pure: no DOM, so the settings page, the download job and the tests share it.
 */

export interface Bounds {
	south: number;
	west: number;
	north: number;
	east: number;
}

export interface Tile {
	z: number;
	x: number;
	y: number;
}

export interface TileRange {
	z: number;
	minX: number;
	maxX: number;
	minY: number;
	maxY: number;
}

/** The tile column holding a longitude at zoom z. */
export function tileX(lon: number, z: number): number {
	const n = 2 ** z;
	return clamp(Math.floor(((lon + 180) / 360) * n), n);
}

/** The tile row holding a latitude at zoom z (rows count from the north). */
export function tileY(lat: number, z: number): number {
	const n = 2 ** z;
	const rad = (lat * Math.PI) / 180;
	const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
	return clamp(Math.floor(y), n);
}

function clamp(index: number, n: number): number {
	return Math.min(n - 1, Math.max(0, index));
}

/** Every tile touching the bounds at zoom z, as an inclusive range. */
export function tileRange(bounds: Bounds, z: number): TileRange {
	return {
		z,
		minX: tileX(bounds.west, z),
		maxX: tileX(bounds.east, z),
		minY: tileY(bounds.north, z),
		maxY: tileY(bounds.south, z)
	};
}

/** How many tiles cover the bounds at each zoom, without listing them. */
export function tileCount(bounds: Bounds, zooms: readonly number[]): number {
	return zooms.reduce((sum, z) => {
		const r = tileRange(bounds, z);
		return sum + (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);
	}, 0);
}

/**
 * The tiles covering the bounds, in a fixed order (zooms ascending, then columns, then rows), so
 * that a position in the list means the same tile after the page is reopened.
 */
export function tilesIn(bounds: Bounds, zooms: readonly number[]): Tile[] {
	const tiles: Tile[] = [];
	for (const z of [...new Set(zooms)].sort((a, b) => a - b)) {
		const r = tileRange(bounds, z);
		for (let x = r.minX; x <= r.maxX; x++) {
			for (let y = r.minY; y <= r.maxY; y++) tiles.push({ z, x, y });
		}
	}
	return tiles;
}

/**
 * A tile's URL from a Leaflet URL template, exactly as Leaflet's TileLayer.getTileUrl builds it
 * (subdomain `abs(x + y) % subdomains`, `{r}` = `@2x` on a high-density screen), because the
 * service worker's tile cache is keyed by URL: a tile stored under another subdomain would never be
 * found by the map.
 */
export function tileUrl(template: string, tile: Tile, subdomains = 'abc', retina = false): string {
	const values: Record<string, string> = {
		z: String(tile.z),
		x: String(tile.x),
		y: String(tile.y),
		'-y': String(2 ** tile.z - 1 - tile.y),
		s: subdomains[Math.abs(tile.x + tile.y) % subdomains.length] ?? '',
		r: retina ? '@2x' : ''
	};
	return template.replace(/\{ *([\w-]+) *\}/g, (whole, key: string) => values[key] ?? whole);
}

/**
 * What one downloaded tile costs on the phone, on average, for the size estimate shown before a
 * download starts. Raster street-map tiles of a town at zooms 12–16 weigh about 10–40 KB (PNG),
 * label overlays much less; 20 KB is a round middle figure. The real use is measured afterwards
 * in the storage panel.
 */
export const averageTileBytes = 20_000;
