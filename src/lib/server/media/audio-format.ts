/**
 * Audio formats the guide accepts, told apart by the file's first bytes, never by its name or the
 * browser's claim. The parser (audio.ts) then confirms the codec inside the container.
 */
export type AudioFormat = 'mp3' | 'aac' | 'm4a' | 'ogg' | 'webm';

/** File extension and content type a stored recording is served with, by format. */
export const audioTypes: Record<AudioFormat, string> = {
	mp3: 'audio/mpeg',
	aac: 'audio/aac',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	webm: 'audio/webm'
};

const ascii = (bytes: Uint8Array, at: number, text: string) =>
	bytes.length >= at + text.length && [...text].every((c, i) => bytes[at + i] === c.charCodeAt(0));

/** Length of an ID3v2 tag starting at `at` (header, body and optional footer), or 0. */
export function id3v2Length(bytes: Uint8Array, at = 0): number {
	if (!ascii(bytes, at, 'ID3') || bytes.length < at + 10) return 0;
	const size = [6, 7, 8, 9].reduce((n, i) => (n << 7) | (bytes[at + i] & 0x7f), 0);
	return 10 + size + (bytes[at + 5] & 0x10 ? 10 : 0);
}

/** MPEG audio frame sync at `at`: Layer III is MP3, "layer 0" with MPEG-4/2 ids is ADTS AAC. */
function frameAt(bytes: Uint8Array, at: number): 'mp3' | 'aac' | undefined {
	if (bytes.length < at + 4 || bytes[at] !== 0xff || (bytes[at + 1] & 0xe0) !== 0xe0) return;
	const layer = (bytes[at + 1] >> 1) & 3;
	if ((bytes[at + 1] & 0xf6) === 0xf0) return 'aac';
	// Layer III, a real bitrate (not free or bad) and sample rate (not reserved).
	const bitrate = bytes[at + 2] >> 4;
	const rate = (bytes[at + 2] >> 2) & 3;
	if (layer === 1 && bitrate !== 0 && bitrate !== 15 && rate !== 3) return 'mp3';
}

/** The EBML document type of a Matroska/WebM file, read from its header (first 64 bytes). */
function ebmlDocType(bytes: Uint8Array): string | undefined {
	const head = bytes.subarray(0, 64);
	for (let i = 4; i + 3 < head.length; i++) {
		if (head[i] !== 0x42 || head[i + 1] !== 0x82) continue;
		const first = head[i + 2];
		const width = first ? Math.clz32(first) - 23 : 9;
		if (width > 8) return undefined;
		let length = first & (0xff >> width);
		for (let k = 1; k < width; k++) length = length * 256 + (head[i + 2 + k] ?? 0);
		const start = i + 2 + width;
		if (start + length > head.length) return undefined;
		return new TextDecoder().decode(head.subarray(start, start + length));
	}
}

/** The format by content: MP3 and ADTS AAC may start with an ID3v2 tag; Ogg must carry Opus. */
export function sniffAudio(bytes: Uint8Array): AudioFormat | undefined {
	let at = 0;
	// A file may carry several ID3v2 tags in a row; a handful is plenty.
	for (let i = 0; i < 4; i++) {
		const length = id3v2Length(bytes, at);
		if (!length) break;
		at += length;
	}
	const frame = frameAt(bytes, at);
	if (frame) return frame;
	if (at > 0) return undefined;
	if (ascii(bytes, 4, 'ftyp')) return 'm4a';
	if (ascii(bytes, 0, 'OggS') && bytes.length > 27) {
		const payload = 27 + bytes[26];
		return ascii(bytes, payload, 'OpusHead') ? 'ogg' : undefined;
	}
	if (bytes[0] === 0x1a && bytes[1] === 0x45 && bytes[2] === 0xdf && bytes[3] === 0xa3) {
		return ebmlDocType(bytes) === 'webm' ? 'webm' : undefined;
	}
}
