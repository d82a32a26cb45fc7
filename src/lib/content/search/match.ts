import { compact, hasHan, words } from './text';

/** How well a record matches; names always outrank the venue of an event, which outranks summaries. */
export const scores = {
	exactName: 100,
	nameSuffix: 90,
	namePrefix: 85,
	word: 75,
	wordStart: 60,
	inside: 40,
	tag: 30,
	venue: 20,
	summary: 10
} as const;

export interface Query {
	/** Normalised, without spaces: "Tai Bai" and "taibai" are the same query. */
	text: string;
	/** The lowest score that counts: a single Latin letter must start a word. */
	minimum: number;
}

export function parseQuery(raw: string): Query | undefined {
	const text = compact(raw);
	if (!text) return undefined;
	const short = text.length < 2 && !hasHan(text);
	return { text, minimum: short ? scores.wordStart : 1 };
}

/** What a record's name is matched against: its names, and the words of its search key. */
export interface NameIndex {
	names: string[];
	tokens: string[];
	joined: string;
	/** Offsets in `joined` where a word starts. */
	starts: number[];
}

/**
 * `key` is the server's search key (names, pinyin, initials); without one the names' own words
 * are used, so search still works on content that carries no keys, just without pinyin.
 */
export function nameIndex(names: (string | undefined)[], key?: string): NameIndex {
	const present = names.filter((n): n is string => !!n);
	const tokens = words(key ?? present.join(' '));
	const starts: number[] = [];
	let offset = 0;
	for (const token of tokens) {
		starts.push(offset);
		offset += token.length;
	}
	return { names: present.map(compact), tokens, joined: tokens.join(''), starts };
}

/**
 * Words are compared without the spaces between them, so "taibai" finds the key words
 * "tai bai hu" and "jining museum" finds "Jining Museum".
 */
export function matchName(index: NameIndex, q: string): number {
	if (index.names.includes(q)) return scores.exactName;
	// A name ends with its head word, in Chinese and English alike: 太白湖新春灯会 *is* a 灯会 and
	// "Jining Museum" a museum, while 灯会夜游步行 is a walk that merely starts with the word.
	if (index.names.some((n) => n.endsWith(q))) return scores.nameSuffix;
	if (index.names.some((n) => n.startsWith(q))) return scores.namePrefix;
	if (index.tokens.includes(q)) return scores.word;
	if (index.starts.some((offset) => index.joined.startsWith(q, offset))) return scores.wordStart;
	if (index.tokens.some((t) => t.includes(q))) return scores.inside;
	return 0;
}

/**
 * Free text such as a summary: a Latin query must start a word, so "tbh" does not match "lit by
 * hundreds" nor "lv" "solve"; Chinese, written without spaces, may match anywhere.
 */
export function matchText(texts: (string | undefined)[], q: string): boolean {
	const least = hasHan(q) ? scores.inside : scores.wordStart;
	return texts.some((t) => !!t && matchName(nameIndex([], t), q) >= least);
}

/** Tags are single words such as "parking": a prefix matches ("park"). */
export function matchTags(tags: string[], q: string): boolean {
	return tags.some((t) => compact(t).startsWith(q));
}
