import { id3v2Length, type AudioFormat } from './audio-format';

/**
 * Removes what a recording carries besides sound: ID3/APE tags (titles, comments, cover art) of
 * MP3 and ADTS files, the metadata boxes of MP4, the comment header of Ogg Opus, the tags,
 * attachments and title of WebM. Where removing bytes would shift offsets the container relies
 * on (MP4 chunk offsets, Ogg pages, WebM seek heads) the metadata is blanked in place instead:
 * same length, no content. A structure that does not add up is refused, never guessed at.
 */
export class StripError extends Error {}

export function stripAudioTags(format: AudioFormat, input: Uint8Array): Uint8Array {
	const bytes = new Uint8Array(input); // a copy: the blanking writes in place
	if (format === 'mp3' || format === 'aac') return stripMpegTags(bytes);
	if (format === 'm4a') return blankMp4Metadata(bytes);
	if (format === 'ogg') return blankOpusTags(bytes);
	return blankWebmMetadata(bytes);
}

const ascii = (bytes: Uint8Array, at: number, text: string) =>
	at >= 0 &&
	bytes.length >= at + text.length &&
	[...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

function stripMpegTags(bytes: Uint8Array): Uint8Array {
	let start = 0;
	for (let i = 0; i < 4; i++) {
		const length = id3v2Length(bytes, start);
		if (!length) break;
		start += length;
	}
	let end = bytes.length;
	// Trailing tags come in the order APE or Lyrics3, then ID3v1; each is looked for once.
	if (ascii(bytes, end - 128, 'TAG')) end -= 128;
	if (ascii(bytes, end - 9, 'LYRICS200')) {
		const size = Number(new TextDecoder().decode(bytes.subarray(end - 15, end - 9)));
		if (Number.isInteger(size)) end -= size + 15;
	}
	if (ascii(bytes, end - 32, 'APETAGEX')) {
		const view = new DataView(bytes.buffer, bytes.byteOffset + end - 32, 32);
		const size = view.getUint32(12, true);
		const hasHeader = (view.getUint32(20, true) & 0x80000000) !== 0;
		end -= size + (hasHeader ? 32 : 0);
	}
	if (end <= start) throw new StripError('no audio between the tags');
	return bytes.slice(start, end);
}

/** MP4 boxes: metadata sits in `udta` and `meta` under `moov` and its tracks, and in `uuid` (XMP). */
function blankMp4Metadata(bytes: Uint8Array): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const blank = new Set(['udta', 'meta', 'uuid']);
	const descend = new Set(['moov', 'trak']);
	let boxes = 0;
	function walk(from: number, to: number, depth: number) {
		let at = from;
		while (at + 8 <= to) {
			// Bounded: a file of 30 MB has nowhere near this many boxes worth reading.
			if (++boxes > 10_000) throw new StripError('too many boxes');
			let size = view.getUint32(at);
			let header = 8;
			if (size === 1) {
				if (at + 16 > to) throw new StripError('truncated box');
				size = Number(view.getBigUint64(at + 8));
				header = 16;
			} else if (size === 0) size = to - at;
			if (size < header || at + size > to) throw new StripError('box runs past its parent');
			const type = new TextDecoder().decode(bytes.subarray(at + 4, at + 8));
			if (blank.has(type) && depth > 0) {
				bytes.set([0x66, 0x72, 0x65, 0x65], at + 4); // 'free': players skip it
				bytes.fill(0, at + header, at + size);
			} else if (descend.has(type) && depth < 2) walk(at + header, at + size, depth + 1);
			at += size;
		}
	}
	walk(0, bytes.length, 0);
	return bytes;
}

/** CRC-32 of Ogg pages (polynomial 0x04c11db7, not reflected, RFC 3533). */
const oggTable = Array.from({ length: 256 }, (_, i) => {
	let r = i << 24;
	for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
	return r >>> 0;
});
export function oggCrc(page: Uint8Array): number {
	let crc = 0;
	for (const byte of page) crc = ((crc << 8) ^ oggTable[((crc >>> 24) ^ byte) & 0xff]) >>> 0;
	return crc;
}

/** The Opus comment header (RFC 7845 §5.2) is the second packet; it may span several pages. */
function blankOpusTags(bytes: Uint8Array): Uint8Array {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const pieces: { page: number; pageEnd: number; from: number; to: number }[] = [];
	let at = 0;
	let packet = 0;
	for (let pages = 0; packet < 2 && pages < 1000; pages++) {
		if (!ascii(bytes, at, 'OggS') || at + 27 > bytes.length) throw new StripError('bad page');
		const segments = bytes[at + 26];
		const table = bytes.subarray(at + 27, at + 27 + segments);
		let data = at + 27 + segments;
		const pageEnd = data + table.reduce((n, v) => n + v, 0);
		if (table.length < segments || pageEnd > bytes.length) throw new StripError('truncated page');
		for (const lace of table) {
			if (packet === 1) {
				const last = pieces.at(-1);
				if (last?.page === at) last.to = data + lace;
				else pieces.push({ page: at, pageEnd, from: data, to: data + lace });
			}
			data += lace;
			if (lace < 255) packet++;
			if (packet === 2) break;
		}
		at = pageEnd;
	}
	const length = pieces.reduce((n, p) => n + p.to - p.from, 0);
	if (packet < 2 || length < 16) throw new StripError('no comment header');
	if (!ascii(bytes, pieces[0].from, 'OpusTags')) throw new StripError('not an Opus comment header');
	// Same length, no content: an empty vendor padded with spaces and no comments.
	const blank = new Uint8Array(length).fill(0x20);
	blank.set(new TextEncoder().encode('OpusTags'));
	new DataView(blank.buffer).setUint32(8, length - 16, true);
	new DataView(blank.buffer).setUint32(length - 4, 0, true);
	let offset = 0;
	for (const piece of pieces) {
		bytes.set(blank.subarray(offset, offset + piece.to - piece.from), piece.from);
		offset += piece.to - piece.from;
		view.setUint32(piece.page + 22, 0, true);
		view.setUint32(piece.page + 22, oggCrc(bytes.subarray(piece.page, piece.pageEnd)), true);
	}
	return bytes;
}

/** An EBML variable-length integer at `at`: its length and value (the marker bit kept for ids). */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean) {
	const first = bytes[at];
	if (first === undefined || first === 0) throw new StripError('bad EBML number');
	const length = Math.clz32(first) - 23;
	if (at + length > bytes.length) throw new StripError('truncated EBML number');
	let value = keepMarker ? first : first & (0xff >> length);
	let unknown = value === 0xff >> length;
	for (let i = 1; i < length; i++) {
		value = value * 256 + bytes[at + i];
		if (bytes[at + i] !== 0xff) unknown = false;
	}
	return { length, value, unknown: !keepMarker && unknown };
}

const segmentId = 0x18538067;
const infoId = 0x1549a966;
const webmBlanks = new Set([
	0x1254c367 /* Tags */, 0x1941a469 /* Attachments */, 0x7ba9 /* Title */
]);

/** Turns an element into a Void element (id 0xEC) of the same total length, its content zeroed. */
function voidElement(bytes: Uint8Array, at: number, total: number, headerLength: number) {
	const sizeLength = Math.min(8, headerLength - 1);
	const payload = total - 1 - sizeLength;
	bytes[at] = 0xec;
	let value = payload;
	for (let i = sizeLength - 1; i >= 0; i--) {
		bytes[at + 1 + i] = value & 0xff;
		value = Math.floor(value / 256);
	}
	bytes[at + 1] |= 0x80 >> (sizeLength - 1);
	bytes.fill(0, at + 1 + sizeLength, at + total);
}

function blankWebmMetadata(bytes: Uint8Array): Uint8Array {
	let elements = 0;
	function walk(from: number, to: number, depth: number) {
		let at = from;
		while (at < to) {
			if (++elements > 100_000) throw new StripError('too many elements');
			const id = vint(bytes, at, true);
			const size = vint(bytes, at + id.length, false);
			const header = id.length + size.length;
			// Clusters of a live recording have no size: nothing after them can be found, and
			// recorders write no tags there.
			if (size.unknown) {
				if (id.value === segmentId) walk(at + header, bytes.length, depth + 1);
				return;
			}
			const end = at + header + size.value;
			if (end > to) throw new StripError('element runs past its parent');
			if (webmBlanks.has(id.value) && depth > 0) voidElement(bytes, at, end - at, header);
			else if ((id.value === segmentId && depth === 0) || (id.value === infoId && depth === 1)) {
				walk(at + header, end, depth + 1);
			}
			at = end;
		}
	}
	walk(0, bytes.length, 0);
	return bytes;
}
