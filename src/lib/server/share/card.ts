import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { MediaStore } from '../media/store';

/**
 * Share cards: the picture a link shows in WeChat, Weibo or a browser's share sheet. A record with a
 * photo shares its photo, cropped to the card; one without gets a card drawn here (title, when,
 * where and the app's mark). Cards are kept in the media store under a hash of everything drawn on
 * them, so each is drawn once and a changed record gets a new card.
 */
export const cardVariants = {
	/** Open Graph's large image. */
	wide: { width: 1200, height: 630 },
	/** WeChat crops a shared link's picture to a square (it wants at least 300×300). */
	square: { width: 600, height: 600 }
} as const;
export type CardVariant = keyof typeof cardVariants;

export interface CardContent {
	title: string;
	/** One or two short lines under the title: when, where. */
	lines: string[];
	/** The app's name in the card's language. */
	mark: string;
	/** A stored photo rendition to use instead of drawing (`<src>-<width>.webp`). */
	photoKey?: string;
}

/** Bumped when the drawing changes, so cached cards are drawn anew. */
const design = 2;

export function cardKey(content: CardContent, variant: CardVariant): string {
	const hash = createHash('sha256')
		.update(JSON.stringify({ design, content, variant }))
		.digest('hex')
		.slice(0, 20);
	const { width, height } = cardVariants[variant];
	return `card-${hash}-${width}x${height}.jpg`;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Width of a text in ems, roughly: CJK characters are square, Latin ones about half as wide. */
const ems = (text: string) =>
	[...text].reduce((sum, c) => sum + (/[\u2e80-\u9fff\uff00-\uffef]/.test(c) ? 1 : 0.55), 0);

/** Breaks a title into at most `max` lines of at most `width` ems, ending in … when cut. */
export function wrapTitle(text: string, width: number, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/(?<=[\u2e80-\u9fff])|(?=[\u2e80-\u9fff])|(?<= )/)) {
		if (ems(line + word) > width && line) {
			lines.push(line.trimEnd());
			line = word.trimStart();
		} else line += word;
	}
	if (line) lines.push(line.trimEnd());
	if (lines.length <= max) return lines;
	const kept = lines.slice(0, max);
	let last = kept[max - 1];
	while (ems(`${last}…`) > width) last = [...last].slice(0, -1).join('');
	kept[max - 1] = `${last}…`;
	return kept;
}

const fonts =
	"'Noto Sans CJK SC','Source Han Sans SC','WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif";

function overlay(content: CardContent, width: number, height: number, onPhoto: boolean): string {
	const pad = Math.round(width * 0.06);
	const titleSize = Math.round(width / (width > height ? 17 : 11));
	const lineSize = Math.round(titleSize * 0.5);
	const title = wrapTitle(content.title, (width - 2 * pad) / titleSize, width > height ? 2 : 3);
	const lines = content.lines.slice(0, 2);
	const blockHeight = title.length * titleSize * 1.25 + lines.length * lineSize * 1.5;
	let y = height - pad - blockHeight + titleSize;
	const text: string[] = [];
	for (const line of title) {
		text.push(
			`<text x="${pad}" y="${y}" font-size="${titleSize}" font-weight="700" fill="#fff">${escapeXml(line)}</text>`
		);
		y += titleSize * 1.25;
	}
	y += lineSize * 0.4;
	for (const line of lines) {
		text.push(
			`<text x="${pad}" y="${y}" font-size="${lineSize}" fill="#e8f1f5">${escapeXml(line)}</text>`
		);
		y += lineSize * 1.5;
	}
	const background = onPhoto
		? `<linearGradient id="shade" x1="0" y1="0" x2="0" y2="1"><stop offset="0.35" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.75"/></linearGradient>`
		: `<linearGradient id="shade" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#0b5c73"/><stop offset="1" stop-color="#12343f"/></linearGradient>`;
	const markSize = Math.round(lineSize * 0.9);
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="${fonts}">
<defs>${background}</defs>
<rect width="100%" height="100%" fill="url(#shade)"/>
${onPhoto ? '' : `<circle cx="${width - pad * 1.5}" cy="${pad * 1.6}" r="${pad}" fill="#f2b84b" opacity="0.9"/>`}
<text x="${pad}" y="${pad + markSize}" font-size="${markSize}" font-weight="700" fill="#fff" opacity="0.92">${escapeXml(content.mark)}</text>
${text.join('\n')}
</svg>`;
}

/** The card's JPEG, from the store when it was drawn before. */
export async function shareCard(
	content: CardContent,
	variant: CardVariant,
	store: MediaStore
): Promise<{ key: string; bytes: Uint8Array }> {
	const key = cardKey(content, variant);
	const kept = await store.get(key);
	if (kept) return { key, bytes: kept.bytes };
	const { width, height } = cardVariants[variant];
	const photo = content.photoKey ? await store.get(content.photoKey) : undefined;
	const base = photo
		? sharp(photo.bytes).resize(width, height, { fit: 'cover', position: 'attention' })
		: sharp({ create: { width, height, channels: 3, background: '#12343f' } });
	const bytes = await base
		.composite([{ input: Buffer.from(overlay(content, width, height, !!photo)) }])
		.jpeg({ quality: 82, mozjpeg: true })
		.toBuffer();
	await store.put(key, bytes, 'image/jpeg');
	return { key, bytes };
}
