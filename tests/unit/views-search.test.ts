import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Language } from '$lib/content/localized';
import { searchKeyOf } from '$lib/content/schemas/feed';
import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import { searchView, type SearchGroup } from '$lib/content/views/search';
import { searchKey, searchKeys } from '$lib/server/search/keys';
import { sampleSnapshot } from '../helpers/snapshot';

const now = '2026-11-28T10:00';
const plain = sampleSnapshot('2026-11-28');
const withKeys = snapshotOf({ ...plain, searchKeys: searchKeys(plain) });

function search(q: string, lang: Language = 'zh', snap: Snapshot = withKeys, at = now) {
	return searchView(snap, { q }, { lang, now: at });
}

function names(group: SearchGroup | undefined): string[] {
	return (group?.items ?? []).map((item) => ('title' in item ? item.title : item.name));
}

const group = (view: ReturnType<typeof search>, type: SearchGroup['type']) =>
	view.groups.find((g) => g.type === type);

describe('search view', () => {
	it('finds 太白湖 records by pinyin initials "tbh", the scenic area first', () => {
		const view = search('tbh');
		expect(names(group(view, 'venues'))[0]).toBe('太白湖景区');
		// Equally good matches: the festival that is on now comes first.
		expect(names(group(view, 'festivals'))).toEqual(['太白湖新春灯会', '太白湖荷花季']);
	});

	it('finds 太白湖 records by full pinyin "taibai"', () => {
		const view = search('taibai');
		expect(names(group(view, 'venues'))).toEqual(expect.arrayContaining(['太白湖景区', '太白楼']));
		expect(names(group(view, 'festivals'))).toContain('太白湖新春灯会');
	});

	it('finds the museum by the initials "bwg" and the pinyin "bowuguan"', () => {
		expect(names(group(search('bwg'), 'venues'))[0]).toBe('济宁市博物馆');
		expect(names(group(search('bowuguan'), 'venues'))[0]).toBe('济宁市博物馆');
	});

	it('finds the museum by its English name, in English', () => {
		const venues = names(group(search('museum', 'en'), 'venues'));
		expect(venues[0]).toBe('Jining Museum');
		expect(venues).toContain('Jining Art Museum');
	});

	it('finds the museum by its Chinese name', () => {
		expect(names(group(search('博物馆'), 'venues'))[0]).toBe('济宁市博物馆');
	});

	it('returns nothing for an empty or blank query', () => {
		for (const q of ['', '   ', '·']) {
			const view = search(q);
			expect(view.total).toBe(0);
			expect(view.groups).toEqual([]);
		}
	});

	it('ignores case and spaces', () => {
		const reference = search('taibai');
		expect(search('Tai Bai').groups).toEqual(reference.groups);
		expect(search('TBH').groups).toEqual(search('tbh').groups);
		expect(names(group(search('jiningmuseum', 'en'), 'venues'))[0]).toBe('Jining Museum');
	});

	it('ranks name matches above matches in summaries', () => {
		const venues = names(group(search('museum', 'en'), 'venues'));
		const byName = venues.map((name) => /museum/i.test(name));
		// Some places only mention a museum in their summary; all of them come after the named ones.
		expect(byName).toContain(false);
		expect(byName.indexOf(false)).toBeGreaterThan(byName.lastIndexOf(true));
	});

	it('finds events by the name of their venue, after events named by the query', () => {
		const events = group(search('bwg'), 'events');
		expect(events?.items.length).toBeGreaterThan(0);
		expect(events?.items.every((e) => 'venue' in e && e.venue?.slug === 'jining-museum')).toBe(
			true
		);
	});

	it('counts results per group and in total, best group first', () => {
		const view = search('灯谜');
		expect(view.total).toBe(view.groups.reduce((sum, g) => sum + g.items.length, 0));
		for (const g of view.groups) expect(g.count).toBe(g.items.length);
		expect(view.groups[0].type).toBe('events');
		expect(names(view.groups[0])[0]).toMatch(/灯谜/);
	});

	it('lists the Lantern Fair first for 灯会, before the events whose names mention it', () => {
		const view = search('灯会');
		expect(view.groups[0].type).toBe('festivals');
		expect(names(view.groups[0])[0]).toBe('太白湖新春灯会');
		expect(view.groups.map((g) => g.type).indexOf('events')).toBeGreaterThan(0);
	});

	it('lists a venue named by the query before events held there', () => {
		const view = search('museum', 'en');
		expect(view.groups[0].type).toBe('venues');
	});

	it('lists cancelled events after every other event that matches', () => {
		const cancelled = withKeys.events.find((e) => e.status === 'cancelled')!;
		const query = cancelled.title.zh.slice(0, 2);
		const events = group(search(query), 'events')!.items as { status: string }[];
		const statuses = events.map((e) => e.status);
		expect(statuses).toContain('cancelled');
		const firstCancelled = statuses.indexOf('cancelled');
		expect(statuses.slice(firstCancelled).every((s) => s === 'cancelled')).toBe(true);
	});

	it('lists an event at its next occurrence and leaves out events that are over', () => {
		const events = group(search('灯会'), 'events');
		expect(events?.items.every((e) => 'start' in e && e.start >= '2026-11-28')).toBe(true);
		expect(group(search('灯会', 'zh', withKeys, '2031-01-01T10:00'), 'events')).toBeUndefined();
	});

	it('still matches names and summaries, without pinyin, when the content has no keys', () => {
		expect(names(group(search('博物馆', 'zh', plain), 'venues'))[0]).toBe('济宁市博物馆');
		expect(names(group(search('museum', 'en', plain), 'venues'))[0]).toBe('Jining Museum');
		expect(search('bwg', 'zh', plain).total).toBe(0);
	});

	it('does not match a Latin query across the words of a summary', () => {
		// "Solve riddles…" contains "lv", and only 吕剧 (lvju) is named by it.
		expect(names(group(search('lv'), 'events')).every((t) => t === '吕剧专场')).toBe(true);
	});
});

describe('server search keys', () => {
	it('hold the Chinese and English name, full pinyin joined and spaced, and the initials', () => {
		expect(searchKey({ zh: '太白湖景区', en: 'Taibai Lake Scenic Area' })).toBe(
			'太白湖景区 taibai lake scenic area taibaihujingqu tai bai hu jing qu tbhjq'
		);
	});

	it('keep digits whole, write ü as v and drop punctuation', () => {
		expect(searchKey({ zh: '华侨城运河1283' })).toBe(
			'华侨城运河1283 huaqiaochengyunhe1283 hua qiao cheng yun he 1283 hqcyh1283'
		);
		expect(searchKey({ zh: '吕剧专场' })).toContain('lvjuzhuanchang');
		expect(searchKey({ zh: '铁塔寺 · 声远楼' })).toContain('tietasishengyuanlou');
	});

	it('cover every record as type:id', () => {
		const keys = searchKeys(plain);
		const expected = [
			...plain.venues.map((v) => searchKeyOf('venues', v.id)),
			...plain.events.map((e) => searchKeyOf('events', e.id)),
			...plain.festivals.map((f) => searchKeyOf('festivals', f.id)),
			...plain.tours.map((t) => searchKeyOf('tours', t.id))
		];
		expect(Object.keys(keys).sort()).toEqual(expected.sort());
		expect(keys[searchKeyOf('venues', 'ven_jiningmuseum')]).toContain('jnsbwg');
	});

	it('are built only on the server: no module outside $lib/server imports pinyin-pro', () => {
		const files = (dir: string): string[] =>
			readdirSync(dir).flatMap((name) => {
				const path = join(dir, name);
				return statSync(path).isDirectory() ? files(path) : [path];
			});
		const offenders = files('src')
			.filter((f) => /\.(ts|js|svelte)$/.test(f) && !f.startsWith(join('src', 'lib', 'server')))
			.filter((f) => readFileSync(f, 'utf8').includes('pinyin-pro'));
		expect(offenders).toEqual([]);
	});
});
