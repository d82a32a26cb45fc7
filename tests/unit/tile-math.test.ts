import { describe, expect, it } from 'vitest';
import { districtBounds, tileLayers } from '$lib/content/map-settings';
import { tileCount, tileRange, tileUrl, tilesIn, tileX, tileY } from '$lib/map/tile-math';

describe('Web Mercator tile math', () => {
	it('puts the whole world in one tile at zoom 0 and splits it in four at zoom 1', () => {
		expect([tileX(116.6, 0), tileY(35.3, 0)]).toEqual([0, 0]);
		expect([tileX(-0.1, 1), tileY(51.5, 1)]).toEqual([0, 0]);
		expect([tileX(116.6, 1), tileY(-33.9, 1)]).toEqual([1, 1]);
	});

	it('finds the tile openstreetmap.org serves for central London at zoom 10', () => {
		expect([tileX(-0.1278, 10), tileY(51.5074, 10)]).toEqual([511, 340]);
	});

	it('never leaves the grid at the poles or the antimeridian', () => {
		expect(tileY(89.9, 3)).toBe(0);
		expect(tileY(-89.9, 3)).toBe(7);
		expect(tileX(180, 3)).toBe(7);
	});

	it('counts the tiles over the district at each zoom from 12 to 16', () => {
		expect([12, 13, 14, 15, 16].map((z) => tileCount(districtBounds, [z]))).toEqual([
			9, 25, 90, 306, 1088
		]);
		expect(tileCount(districtBounds, [12, 13, 14, 15, 16])).toBe(1518);
		expect(tileRange(districtBounds, 14)).toEqual({
			z: 14,
			minX: 13494,
			maxX: 13503,
			minY: 6466,
			maxY: 6474
		});
	});

	it('lists exactly the counted tiles, zooms ascending, each once', () => {
		const tiles = tilesIn(districtBounds, [13, 12, 13]);
		expect(tiles).toHaveLength(34);
		expect(tiles[0]).toEqual({ z: 12, x: 3373, y: 1616 });
		expect(tiles.at(-1)).toEqual({ z: 13, x: 6751, y: 3237 });
		expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(34);
	});

	it('builds tile URLs as Leaflet does, subdomain included, so the map finds them cached', () => {
		const tile = { z: 12, x: 3373, y: 1617 };
		expect(tileUrl('https://{s}.example.test/{z}/{x}/{y}{r}.png', tile)).toBe(
			'https://b.example.test/12/3373/1617.png'
		);
		expect(tileUrl('https://{s}.example.test/{z}/{x}/{y}{r}.png', tile, 'abc', true)).toBe(
			'https://b.example.test/12/3373/1617@2x.png'
		);
		expect(tileUrl('https://tms.example.test/{z}/{x}/{-y}.png', tile)).toBe(
			'https://tms.example.test/12/3373/2478.png'
		);
		const [base, labels] = tileLayers(
			{ source: 'tianditu', tiandituKey: 'k', attribution: '', bulkDownload: true },
			'en'
		);
		const url = new URL(tileUrl(base.url, tile, base.subdomains));
		expect(url.host).toBe('t6.tianditu.gov.cn');
		expect(Object.fromEntries(url.searchParams)).toMatchObject({
			TILEMATRIX: '12',
			TILEROW: '1617',
			TILECOL: '3373'
		});
		expect(tileUrl(labels.url, tile, labels.subdomains)).toContain('LAYER=eva');
	});
});
