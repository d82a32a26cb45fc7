import { describe, expect, it } from 'vitest';
import { infoView } from '$lib/content/views/info';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');

describe('info view', () => {
	it('shows the visitor centre with its address and whether it is open now', () => {
		const morning = infoView(snap, {}, { lang: 'zh', now: '2026-11-28T10:00' });
		expect(morning.visitorCentres).toHaveLength(1);
		const [centre] = morning.visitorCentres;
		expect(centre.name).toBe('北湖阁游客中心');
		expect(centre.address).toBe('北湖阁广场');
		expect(centre.slug).toBe('beihu-visitor-centre');
		expect(centre.state).toMatchObject({ open: true, until: '2026-11-28T17:30' });
		const night = infoView(snap, {}, { lang: 'zh', now: '2026-11-28T20:00' });
		expect(night.visitorCentres[0].state).toMatchObject({
			open: false,
			nextOpen: '2026-11-29T08:30'
		});
	});

	it('lists parking, toilets and first-aid points from the venues, in English', () => {
		const view = infoView(snap, {}, { lang: 'en', now: '2026-11-28T10:00' });
		expect(view.parking.map((p) => p.name)).toEqual([
			'Beihu Pavilion Car Park',
			'Cultural Center Car Park',
			'Jizhou Old Street Car Park'
		]);
		expect(view.parking[0].price).toMatch(/per hour/);
		expect(view.toilets).toHaveLength(3);
		expect(view.firstAid.map((p) => p.kind)).toEqual(['first_aid', 'first_aid']);
		expect(view.stepFreeToilets).toBe(3);
	});

	it('gathers the accessibility notes of the venues that have one', () => {
		const view = infoView(snap, {}, { lang: 'en', now: '2026-11-28T10:00' });
		const withNotes = snap.venues.filter((v) => v.accessibility).length;
		expect(withNotes).toBeGreaterThan(0);
		expect(view.accessibility).toHaveLength(withNotes);
		expect(view.accessibility.find((a) => a.slug === 'jining-museum')?.note).toMatch(/lifts/);
	});

	it('says when the content is sample data', () => {
		expect(infoView(snap, {}, { lang: 'zh', now: '2026-11-28T10:00' }).sample).toBe(true);
	});
});
