import type { Position } from '$lib/content/geo';

/**
 * Links that open a place in the phone's map app for directions. Chinese map apps work in GCJ-02
 * (Baidu in BD-09), about 0.5 km off WGS-84 around Jining, so instead of converting by hand we pass
 * WGS-84 and tell each service so with its own coordinate-type parameter.
 */
export interface HandoffLink {
	app: 'amap' | 'baidu' | 'apple';
	url: string;
}

export function handoffLinks(position: Position, name: string): HandoffLink[] {
	const q = encodeURIComponent(name);
	const { lat, lon } = position;
	return [
		{
			app: 'amap',
			// Amap takes longitude first.
			url: `https://uri.amap.com/marker?position=${lon},${lat}&name=${q}&coordinate=wgs84&callnative=1`
		},
		{
			app: 'baidu',
			// Baidu takes latitude first.
			url: `https://api.map.baidu.com/marker?location=${lat},${lon}&title=${q}&content=${q}&coord_type=wgs84&output=html&src=taibai-lake-guide`
		},
		{ app: 'apple', url: `https://maps.apple.com/?ll=${lat},${lon}&q=${q}` }
	];
}
