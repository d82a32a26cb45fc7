import { pinyin } from 'pinyin-pro';
import { searchKeyOf, type ContentType } from '$lib/content/schemas/feed';
import { normalise, words } from '$lib/content/search/text';
import type { ContentData } from '$lib/content/snapshot';

/**
 * Search keys are computed here, on the server, because the pinyin dictionary is far too large to
 * ship to phones: a phone receives the finished keys with the content and matches plain strings.
 */

/** A record's name: Chinese always, English when translated. */
type Name = { zh: string; en?: string };

interface Syllable {
	pinyin: string;
	/** False for a run that is not Chinese (digits, Latin), which is kept whole. */
	zh: boolean;
}

/** Toneless pinyin of a text, one entry per Chinese character or non-Chinese run. */
function syllables(text: string): Syllable[] {
	return words(text).flatMap((word) =>
		// `v: true` writes ü as v, as every pinyin keyboard does (吕 → lv).
		pinyin(word, { toneType: 'none', type: 'all', v: true, nonZh: 'consecutive' })
			.map((s) => ({ pinyin: (s.isZh ? s.pinyin : s.origin).trim().toLowerCase(), zh: s.isZh }))
			.filter((s) => s.pinyin)
	);
}

/**
 * One record's key: Chinese name, English name, full pinyin joined and spaced, initials, e.g.
 * "太白湖景区 taibai lake scenic area taibaihujingqu tai bai hu jing qu tbhjq".
 */
export function searchKey(name: Name): string {
	const parts = [normalise(name.zh)];
	if (name.en) parts.push(normalise(name.en));
	const spoken = syllables(name.zh);
	if (spoken.some((s) => s.zh)) {
		const full = spoken.map((s) => s.pinyin);
		const first = spoken.map((s) => (s.zh ? s.pinyin[0] : s.pinyin));
		parts.push(full.join(''), full.join(' '), first.join(''));
	}
	return parts.filter(Boolean).join(' ');
}

type Named = { id: string; name: Name };

/** Keys of every public record, by `searchKeyOf(type, id)`. */
export function searchKeys(
	content: Pick<ContentData, 'venues' | 'events' | 'festivals' | 'tours'>
): Record<string, string> {
	const keys: Record<string, string> = {};
	const add = (type: ContentType, records: Named[]) => {
		for (const record of records) keys[searchKeyOf(type, record.id)] = searchKey(record.name);
	};
	add('venues', content.venues);
	add(
		'events',
		content.events.map((e) => ({ id: e.id, name: e.title }))
	);
	add('festivals', content.festivals);
	add('tours', content.tours);
	return keys;
}
