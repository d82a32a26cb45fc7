import type { Position } from '$lib/content/geo';

/**
 * Links that open a venue in the phone's map app for directions: Amap (高德), Baidu, Tencent
 * (腾讯地图, the one WeChat itself opens) and Apple. Chinese map apps work in GCJ-02 (Baidu in
 * BD-09), about 0.5 km off WGS-84 around Jining. Instead of converting on our side, each link
 * carries the stored WGS-84 point and the service's own parameter saying so; a unit test applies
 * the published conversion to each link and checks it lands on the venue.
 */
export const handoffApps = ['amap', 'baidu', 'tencent', 'apple'] as const;
export type HandoffApp = (typeof handoffApps)[number];

export interface HandoffLink {
	app: HandoffApp;
	url: string;
}

/** Tencent's link API asks who is calling; the app's name is enough for its URI links. */
const caller = 'taibai-lake-guide';

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
			url: `https://api.map.baidu.com/marker?location=${lat},${lon}&title=${q}&content=${q}&coord_type=wgs84&output=html&src=${caller}`
		},
		{
			app: 'tencent',
			// coord_type=1 is "GPS" (WGS-84); 2 would be Tencent's own GCJ-02.
			url: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${lat},${lon};title:${q}&coord_type=1&referer=${caller}`
		},
		{ app: 'apple', url: `https://maps.apple.com/?ll=${lat},${lon}&q=${q}` }
	];
}
