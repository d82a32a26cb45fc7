import { fallsBack, pick, type Language, type Localized } from '../localized';
import type { Image, Recording } from '../schemas';

/**
 * What a page's player narrates, in the page's language: the recording in that language when
 * there is one (its transcript shown beside it); otherwise the text (a description) for the
 * device's voice to read, with the language the text is really in (an English page may show a
 * Chinese description that was never translated, and must not read it with an English voice).
 */
export interface NarrationView {
	/** Which item: the key a remembered position is kept under. */
	key: string;
	title: string;
	/** The tour a stop belongs to, for the lock screen. */
	album?: string;
	/** `bytes` as served: what downloading the tour costs. */
	recording?: { url: string; durationS: number; language: Language; bytes: number };
	text: string;
	textLanguage: Language;
	/** A small picture for the lock screen. */
	artwork?: { src: string; width: number; height: number };
}

export function narrationView(
	item: {
		key: string;
		title: string;
		album?: string;
		/** Records mirrored before narration existed have none. */
		recordings: Recording[] | undefined;
		text: Localized;
		image?: Image;
	},
	lang: Language
): NarrationView {
	const recording = (item.recordings ?? []).find((r) => r.language === lang);
	const smallest = item.image
		? Math.min(...(item.image.widths.length ? item.image.widths : [item.image.width]))
		: 0;
	return {
		key: item.key,
		title: item.title,
		album: item.album,
		recording: recording && {
			url: recording.url,
			durationS: recording.durationS,
			language: recording.language,
			bytes: recording.bytes
		},
		text: recording ? recording.transcript : pick(item.text, lang),
		textLanguage: recording || !fallsBack(item.text, lang) ? lang : 'zh',
		artwork: item.image && {
			src: `${item.image.src}-${smallest}.webp`,
			width: smallest,
			height: Math.round((item.image.height * smallest) / item.image.width)
		}
	};
}

/** A stop's text to read aloud: its note, then its venue's description. */
export function stopText(
	note: Localized | undefined,
	description: Localized | undefined
): Localized {
	const parts = [note, description].filter((t): t is Localized => !!t);
	if (!parts.length) return { zh: '' };
	const en = parts.every((p) => p.en) ? parts.map((p) => p.en).join('\n\n') : undefined;
	return { zh: parts.map((p) => p.zh).join('\n\n'), ...(en ? { en } : {}) };
}
