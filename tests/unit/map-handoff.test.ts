import gcoord, { type CRSTypes } from 'gcoord';
import { describe, expect, it } from 'vitest';
import { distanceM } from '$lib/content/geo';
import { handoffApps, handoffLinks } from '$lib/map/handoff';
import { sampleSnapshot } from '../helpers/snapshot';

/** Each app's own coordinate system, and how its link says what system its point is in. */
const systems = {
	amap: gcoord.GCJ02,
	tencent: gcoord.GCJ02,
	baidu: gcoord.BD09
} as const;

/** The point a link carries, longitude first, and the system its parameter declares. */
function carried(app: string, url: URL): { lonLat: [number, number]; declared: CRSTypes } {
	if (app === 'amap') {
		const [lon, lat] = (url.searchParams.get('position') ?? '').split(',').map(Number);
		const type = url.searchParams.get('coordinate');
		expect(type, 'amap coordinate').toBe('wgs84');
		return { lonLat: [lon, lat], declared: gcoord.WGS84 };
	}
	if (app === 'baidu') {
		const [lat, lon] = (url.searchParams.get('location') ?? '').split(',').map(Number);
		expect(url.searchParams.get('coord_type'), 'baidu coord_type').toBe('wgs84');
		return { lonLat: [lon, lat], declared: gcoord.WGS84 };
	}
	const marker = /coord:([-\d.]+),([-\d.]+)/.exec(url.searchParams.get('marker') ?? '');
	expect(url.searchParams.get('coord_type'), 'tencent coord_type').toBe('1');
	return { lonLat: [Number(marker?.[2]), Number(marker?.[1])], declared: gcoord.WGS84 };
}

describe('hand-off to the map apps visitors use here', () => {
	const venues = sampleSnapshot('2026-12-07').venues.slice(0, 3);

	it('offers Amap, Baidu, Tencent and Apple for every venue', () => {
		for (const venue of venues) {
			expect(handoffLinks(venue.position, venue.name.zh).map((l) => l.app)).toEqual([
				...handoffApps
			]);
		}
	});

	it('lands each app within 20 m of the venue on its own published coordinate system', () => {
		expect(venues).toHaveLength(3);
		for (const venue of venues) {
			const { lat, lon } = venue.position;
			for (const link of handoffLinks(venue.position, venue.name.zh)) {
				const url = new URL(link.url);
				if (link.app === 'apple') {
					// Apple takes WGS-84 and shifts it itself inside China.
					const [aLat, aLon] = (url.searchParams.get('ll') ?? '').split(',').map(Number);
					expect(distanceM({ lat: aLat, lon: aLon }, venue.position)).toBeLessThan(20);
					continue;
				}
				const system = systems[link.app];
				const { lonLat, declared } = carried(link.app, url);
				// Where the app puts the pin: the link's point moved from its declared system to the app's.
				const [pinLon, pinLat] = gcoord.transform(lonLat, declared, system);
				// Where the venue really is on that app's map.
				const [trueLon, trueLat] = gcoord.transform([lon, lat], gcoord.WGS84, system);
				const off = distanceM({ lat: pinLat, lon: pinLon }, { lat: trueLat, lon: trueLon });
				expect(off, `${link.app} ${venue.slug}`).toBeLessThan(20);
				// And the shift is real here: a raw WGS-84 point read as GCJ-02 would be hundreds of metres off.
				const raw = distanceM({ lat, lon }, { lat: trueLat, lon: trueLon });
				expect(raw, `${link.app} ${venue.slug} raw`).toBeGreaterThan(100);
			}
		}
	});
});
