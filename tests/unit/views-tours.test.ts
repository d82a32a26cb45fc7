import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Observable } from 'dexie';
import { distanceM } from '$lib/content/geo';
import { snapshotOf } from '$lib/content/snapshot';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import { legDistances, tourView } from '$lib/content/views/tour';
import { toursView } from '$lib/content/views/tours';
import { guideDb } from '$lib/offline/db';
import {
	clearVisitedStops,
	setStopVisited,
	toggleVisitedStop,
	visitedStops
} from '$lib/offline/visited-stops';
import { tourJsonLd } from '../../src/routes/(visitor)/[[lang=lang]]/tours/[slug]/tour-json-ld';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const en = { lang: 'en' as const, now: '2026-11-28T10:00' };
const zh = { lang: 'zh' as const, now: '2026-11-28T10:00' };
const canalWalk = 'canal-and-old-town-walk';

describe('tours view', () => {
	it('lists every tour with featured tours first, each keeping the editors’ order', () => {
		const { tours } = toursView(snap, {}, en);
		expect(tours).toHaveLength(snap.tours.length);
		const firstOther = tours.findIndex((t) => !t.featured);
		expect(firstOther).toBeGreaterThan(0);
		expect(tours.slice(firstOther).every((t) => !t.featured)).toBe(true);
		expect(tours.map((t) => t.slug)).toEqual([
			'canal-and-old-town-walk',
			'lake-day-by-bike-and-boat',
			'lantern-fair-night-walk',
			'family-day-at-the-culture-centre'
		]);
	});

	it('gives each card its theme, modes, distance and duration in the asked language', () => {
		const bike = toursView(snap, {}, en).tours.find((t) => t.slug === 'lake-day-by-bike-and-boat');
		expect(bike).toMatchObject({
			name: 'Lake Day by Bike and Boat',
			theme: 'Water and wetlands',
			modes: ['bike', 'boat'],
			durationMinutes: 205,
			stopCount: 5
		});
		expect(bike?.distanceM).toBeGreaterThan(1000);
		expect(toursView(snap, {}, zh).tours[0].theme).toBe('运河与诗人');
	});
});

describe('tour view', () => {
	it('resolves the stops to names and positions in order, numbered from 1', () => {
		const { stops } = tourView(snap, { slug: canalWalk }, en);
		expect(stops.map((s) => [s.number, s.name])).toEqual([
			[1, 'Taibai Tower (Li Bai Memorial Hall)'],
			[2, snap.venue('ven_eastgrandmosque')?.name.en],
			[3, snap.venue('ven_ironpagoda')?.name.en],
			[4, 'Old Canal viewpoint']
		]);
		expect(stops[0].position).toEqual(snap.venue('ven_taibaitower')?.position);
		expect(stops[0].venue).toEqual({
			slug: 'taibai-tower',
			name: 'Taibai Tower (Li Bai Memorial Hall)',
			kind: 'museum',
			// The venue page's photos, for "Download this tour" to keep.
			photos: (snap.venue('ven_taibaitower')?.photos ?? []).map((p) => ({
				src: p.src,
				widths: p.widths
			}))
		});
		expect(stops[3].venue).toBeUndefined();
		expect(stops[3].position).toEqual({ lat: 35.4098, lon: 116.5905 });
		expect(stops.map((s) => s.stayMinutes)).toEqual([60, 30, 45, 20]);
		expect(stops[0].note).toBe('Closed on Mondays.');
	});

	it('names stops in Chinese by default and falls back to Chinese per field', () => {
		const { stops, tour } = tourView(snap, { slug: canalWalk }, zh);
		expect(stops[0].name).toBe('太白楼');
		expect(stops[3].name).toBe('古运河观景点');
		expect(tour.name).toBe('运河老城文化步行');
	});

	it('measures each leg along the drawn path, so the legs add up to the tour distance', () => {
		for (const t of snap.tours) {
			const { stops, tour } = tourView(snap, { slug: t.slug }, en);
			expect(stops[0].legM).toBe(0);
			for (const stop of stops.slice(1)) expect(stop.legM).toBeGreaterThan(0);
			const total = stops.reduce((sum, s) => sum + s.legM, 0);
			expect(Math.abs(total - tour.distanceM)).toBeLessThanOrEqual(stops.length);
		}
	});

	it('is never shorter along the path than as the crow flies', () => {
		const { stops } = tourView(snap, { slug: 'lake-day-by-bike-and-boat' }, en);
		for (let i = 1; i < stops.length; i++) {
			const straight = distanceM(stops[i - 1].position, stops[i].position);
			expect(stops[i].legM).toBeGreaterThanOrEqual(Math.floor(straight));
		}
	});

	it('falls back to straight lines when the path does not pass the stops', () => {
		const a = { lat: 35.35, lon: 116.59 };
		const b = { lat: 35.36, lon: 116.6 };
		const farPath = {
			type: 'LineString' as const,
			coordinates: [
				[116.5, 35.2],
				[116.51, 35.21]
			] as [number, number][]
		};
		expect(legDistances([a, b], farPath)).toEqual([0, Math.round(distanceM(a, b))]);
	});

	it('measures a path that comes back the same way at its first pass', () => {
		const a = { lat: 35.35, lon: 116.59 };
		const b = { lat: 35.35, lon: 116.6 };
		// The first pass misses b by about 20 m, the return pass hits it exactly.
		const nearB: [number, number] = [b.lon, b.lat + 0.00018];
		const path = {
			type: 'LineString' as const,
			coordinates: [[a.lon, a.lat], nearB, [a.lon, a.lat], [b.lon, b.lat]] as [number, number][]
		};
		const [, leg] = legDistances([a, b], path);
		expect(leg).toBe(Math.round(distanceM(a, { lat: nearB[1], lon: nearB[0] })));
	});

	it('leaves out a stop whose venue is not published and keeps numbering without a gap', () => {
		const without = snapshotOf({
			...snap,
			venues: snap.venues.filter((v) => v.id !== 'ven_eastgrandmosque')
		});
		const { stops } = tourView(without, { slug: canalWalk }, en);
		expect(stops.map((s) => s.number)).toEqual([1, 2, 3]);
		expect(stops.map((s) => s.index)).toEqual([0, 2, 3]);
	});

	it('sums the suggested stays and passes the path and map settings through', () => {
		const view = tourView(snap, { slug: canalWalk }, en);
		expect(view.tour.stayMinutes).toBe(155);
		expect(view.tour.path).toEqual(snap.tourBySlug(canalWalk)?.path.coordinates);
		expect(view.settings).toEqual(snap.settings.map);
	});

	it('answers an unknown slug with ViewNotFoundError and a missing one with a parameter error', () => {
		expect(() => tourView(snap, { slug: 'no-such-tour' }, en)).toThrow(ViewNotFoundError);
		expect(() => tourView(snap, {}, en)).toThrow(ViewParameterError);
	});
});

describe('tour JSON-LD', () => {
	it('describes the tour as a TouristTrip whose itinerary lists the stops as places in order', () => {
		const ld = tourJsonLd(tourView(snap, { slug: canalWalk }, en), 'https://guide.test', 'en');
		expect(ld).toMatchObject({
			'@type': 'TouristTrip',
			name: 'Canal and Old Town Culture Walk',
			touristType: 'The canal and the poet',
			url: 'https://guide.test/en/tours/canal-and-old-town-walk',
			itinerary: { '@type': 'ItemList', numberOfItems: 4 }
		});
		expect(ld.description).toContain('Taibai Tower');
		const items = ld.itinerary.itemListElement;
		expect(items.map((i) => i.position)).toEqual([1, 2, 3, 4]);
		expect(items[0].item).toMatchObject({
			'@type': 'TouristAttraction',
			name: 'Taibai Tower (Li Bai Memorial Hall)',
			url: 'https://guide.test/en/venues/taibai-tower',
			geo: { '@type': 'GeoCoordinates', latitude: expect.any(Number) }
		});
		expect(items[3].item).toMatchObject({
			'@type': 'Place',
			name: 'Old Canal viewpoint',
			geo: { latitude: 35.4098, longitude: 116.5905 }
		});
	});
});

/** The first value an observable emits. */
function first<T>(observable: Observable<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				resolve(value);
				queueMicrotask(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

describe('visited stops on the device', () => {
	beforeEach(async () => {
		await guideDb().visitedStops.clear();
	});

	it('keeps a ticked stop in Dexie and removes it when unticked', async () => {
		await setStopVisited('tour_canaloldtown', 1, true);
		expect(await guideDb().visitedStops.toArray()).toEqual([
			{ tourId: 'tour_canaloldtown', stop: 1, at: expect.any(String) }
		]);
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([1]);
		await setStopVisited('tour_canaloldtown', 1, false);
		expect(await guideDb().visitedStops.count()).toBe(0);
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([]);
	});

	it('toggles a stop on and off again', async () => {
		expect(await toggleVisitedStop('tour_canaloldtown', 0)).toBe(true);
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([0]);
		expect(await toggleVisitedStop('tour_canaloldtown', 0)).toBe(false);
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([]);
	});

	it('keeps each tour’s ticks apart, in stop order, and clears one tour only', async () => {
		await setStopVisited('tour_canaloldtown', 2, true);
		await setStopVisited('tour_canaloldtown', 0, true);
		await setStopVisited('tour_lakebikeboat', 0, true);
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([0, 2]);
		await clearVisitedStops('tour_canaloldtown');
		expect(await first(visitedStops('tour_canaloldtown'))).toEqual([]);
		expect(await first(visitedStops('tour_lakebikeboat'))).toEqual([0]);
	});

	it('ticking twice keeps one record', async () => {
		await setStopVisited('tour_canaloldtown', 3, true);
		await setStopVisited('tour_canaloldtown', 3, true);
		expect(await guideDb().visitedStops.count()).toBe(1);
	});
});
