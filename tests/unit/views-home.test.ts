import { describe, expect, it } from 'vitest';
import { homeView } from '$lib/content/views/home';
import { sampleSnapshot } from '../helpers/snapshot';

// Seeded on Saturday 28 November 2026: the folk market is on all day today on Jizhou Old Street
// (open from 09:00), the canal exhibition at the museum (open from 08:30, closed on Mondays) runs
// from two days ago for three weeks.
const snap = sampleSnapshot('2026-11-28');
const home = (now: string) => homeView(snap, {}, { lang: 'en', now });
const onNow = (now: string) => home(now).happeningNow.map((e) => e.title);

describe('home view', () => {
	it("lists today's all-day market and the museum's multi-day exhibition on now at 9 am", () => {
		const titles = onNow('2026-11-28T09:00');
		expect(titles).toContain('Folk Art and New Year Market');
		expect(titles).toContain('Special Exhibition: City of the Canal');
	});

	it('leaves an all-day item out of on now while its venue is still closed', () => {
		const titles = onNow('2026-11-28T08:45');
		expect(titles).not.toContain('Folk Art and New Year Market');
		expect(titles).toContain('Special Exhibition: City of the Canal');
	});

	it('leaves the exhibition out on a Monday, when the museum is closed', () => {
		expect(onNow('2026-11-30T10:00')).not.toContain('Special Exhibition: City of the Canal');
	});

	it('lists events in progress before all-day items', () => {
		// The lantern riddles run 19:00–20:30 today, while the market is on all day.
		const view = home('2026-11-28T19:30');
		expect(view.happeningNow[0].allDay).toBe(false);
		expect(view.happeningNow.some((e) => e.allDay)).toBe(true);
	});
});
