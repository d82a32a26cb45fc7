import { describe, expect, it } from 'vitest';
import {
	formatCoordinate,
	insertIntoPath,
	parsePathText,
	pathText,
	typedPosition
} from '$lib/admin/map-edit';

describe('the console map editors', () => {
	it('write a dragged position with six decimals', () => {
		expect(formatCoordinate(35.123456789)).toBe('35.123457');
		expect(formatCoordinate(116.5)).toBe('116.5');
	});

	it('follow typed coordinates only once they are a whole, valid position', () => {
		expect(typedPosition('35.36', '116.61')).toEqual({ lat: 35.36, lon: 116.61 });
		expect(typedPosition('35.36', '')).toBeUndefined();
		expect(typedPosition('35.', '116.6x')).toBeUndefined();
		expect(typedPosition('95', '116.6')).toBeUndefined();
		expect(typedPosition('35', '181')).toBeUndefined();
	});

	it('read an unreadable path as no path and write paths as GeoJSON pairs', () => {
		expect(parsePathText('not json')).toEqual([]);
		expect(parsePathText('{"a":1}')).toEqual([]);
		expect(parsePathText('')).toEqual([]);
		expect(pathText([[116.6000001, 35.3500004]])).toBe('[[116.6,35.35]]');
	});

	it('insert a point clicked on the path into the nearest segment', () => {
		const path: [number, number][] = [
			[116.6, 35.3],
			[116.61, 35.3],
			[116.61, 35.31],
			[116.62, 35.31]
		];
		// Beside the middle segment (the one going north).
		expect(insertIntoPath(path, [116.6101, 35.305])).toEqual([
			path[0],
			path[1],
			[116.6101, 35.305],
			path[2],
			path[3]
		]);
		// Near the first segment.
		expect(insertIntoPath(path, [116.603, 35.3001])[1]).toEqual([116.603, 35.3001]);
		// Near the last.
		expect(insertIntoPath(path, [116.618, 35.3101])[3]).toEqual([116.618, 35.3101]);
		// A path of one point grows at its end.
		expect(insertIntoPath([path[0]], path[1])).toEqual([path[0], path[1]]);
	});
});
