// A relative path: the browser tests (Playwright) make recordings with these too.
import { oggCrc } from '../../src/lib/server/media/audio-strip';

/**
 * Tiny but real recordings, made here rather than downloaded: silent MPEG-1 Layer III frames,
 * ADTS AAC frames, Ogg Opus pages and WebM and MP4 containers, each with a title, a comment or a
 * cover the server must not pass on. The secret text is `secretTag`.
 */
export const secretTag = 'Secret Tag Text';

const text = (s: string) => new TextEncoder().encode(s);
function concat(...parts: Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
const u32be = (n: number) => new Uint8Array([n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);
const u16be = (n: number) => new Uint8Array([(n >>> 8) & 255, n & 255]);

function id3v2(): Uint8Array {
	const frame = (id: string, body: Uint8Array) =>
		concat(text(id), u32be(body.length), new Uint8Array(2), body);
	const frames = concat(
		frame('TIT2', concat(new Uint8Array([3]), text(secretTag))),
		frame('COMM', concat(new Uint8Array([3]), text('eng'), new Uint8Array([0]), text(secretTag))),
		frame(
			'APIC',
			concat(
				new Uint8Array([3]),
				text('image/png'),
				new Uint8Array([0, 3, 0]),
				new Uint8Array(64).fill(7)
			)
		)
	);
	const size = frames.length;
	const syncsafe = [21, 14, 7, 0].map((s) => (size >> s) & 0x7f);
	return concat(text('ID3'), new Uint8Array([3, 0, 0, ...syncsafe]), frames);
}

function id3v1(): Uint8Array {
	const tag = new Uint8Array(128);
	tag.set(text('TAG'));
	tag.set(text(secretTag), 3);
	return tag;
}

/**
 * Silent mono MPEG-1 Layer III, 44.1 kHz, frames of 1,152 samples: 417 bytes at 128 kbit/s,
 * 104 at 32 kbit/s (small enough for a browser test's upload).
 */
export function mp3(seconds: number, { tags = true, kbps = 128 } = {}): Uint8Array {
	const frames = Math.round((seconds * 44100) / 1152);
	const size = Math.floor((144 * kbps * 1000) / 44100);
	const frame = new Uint8Array(size);
	frame.set([0xff, 0xfb, kbps === 32 ? 0x10 : 0x90, 0xc0]);
	const audio = new Uint8Array(frames * size);
	for (let i = 0; i < frames; i++) audio.set(frame, i * size);
	return tags ? concat(id3v2(), audio, id3v1()) : audio;
}

/** ADTS AAC-LC, 44.1 kHz mono, frames of 1,024 samples with an empty payload. */
export function adts(seconds: number): Uint8Array {
	const frames = Math.round((seconds * 44100) / 1024);
	const length = 7 + 9;
	const frame = new Uint8Array(length);
	// sync, MPEG-4, no CRC; LC, 44.1 kHz (index 4), mono; frame length; buffer full; 1 block
	frame.set([
		0xff,
		0xf1,
		0x50,
		0x40 | (length >> 11),
		(length >> 3) & 0xff,
		((length & 7) << 5) | 0x1f,
		0xfc
	]);
	const out = new Uint8Array(frames * length);
	for (let i = 0; i < frames; i++) out.set(frame, i * length);
	return concat(id3v2(), out);
}

function oggPage(
	type: number,
	granule: bigint,
	sequence: number,
	packets: Uint8Array[]
): Uint8Array {
	const lacing: number[] = [];
	for (const packet of packets) {
		let left = packet.length;
		while (left >= 255) {
			lacing.push(255);
			left -= 255;
		}
		lacing.push(left);
	}
	const header = new Uint8Array(27 + lacing.length);
	const view = new DataView(header.buffer);
	header.set(text('OggS'));
	header[5] = type;
	view.setBigUint64(6, granule, true);
	view.setUint32(14, 0x7a1b, true);
	view.setUint32(18, sequence, true);
	header[26] = lacing.length;
	header.set(lacing, 27);
	const page = concat(header, ...packets);
	new DataView(page.buffer).setUint32(22, oggCrc(page), true);
	return page;
}

/** Ogg Opus (RFC 7845), mono: 20 ms silent CELT packets, a second of them per page. */
export function oggOpus(seconds: number): Uint8Array {
	const head = new Uint8Array(19);
	head.set(text('OpusHead'));
	const hv = new DataView(head.buffer);
	head[8] = 1;
	head[9] = 1;
	hv.setUint16(10, 312, true);
	hv.setUint32(12, 48000, true);
	const comment = text(`TITLE=${secretTag}`);
	const tags = new Uint8Array(8 + 4 + 6 + 4 + 4 + comment.length);
	const tv = new DataView(tags.buffer);
	tags.set(text('OpusTags'));
	tv.setUint32(8, 6, true);
	tags.set(text('taibai'), 12);
	tv.setUint32(18, 1, true);
	tv.setUint32(22, comment.length, true);
	tags.set(comment, 26);
	const pages = [oggPage(2, 0n, 0, [head]), oggPage(0, 0n, 1, [tags])];
	const silent = new Uint8Array([0xf8, 0xff, 0xfe]);
	const total = Math.round(seconds * 50);
	for (let done = 0, seq = 2; done < total; seq++) {
		const count = Math.min(50, total - done);
		done += count;
		const granule = BigInt(done * 960 + 312);
		pages.push(oggPage(done === total ? 4 : 0, granule, seq, Array(count).fill(silent)));
	}
	return concat(...pages);
}

/** EBML element with an 8-byte size. */
function el(id: number[], ...payload: Uint8Array[]): Uint8Array {
	const body = concat(...payload);
	const size = new Uint8Array(8);
	new DataView(size.buffer).setBigUint64(0, BigInt(body.length));
	size[0] = 0x01;
	return concat(new Uint8Array(id), size, body);
}
const uint = (n: number) => new Uint8Array([n]);
const float64 = (n: number) => {
	const b = new Uint8Array(8);
	new DataView(b.buffer).setFloat64(0, n);
	return b;
};

/** WebM with one Opus track, a title, a tag and a cover attachment. */
export function webmOpus(seconds: number): Uint8Array {
	const head = oggOpus(0).subarray(28, 28 + 19);
	const blocks: Uint8Array[] = [];
	for (let i = 0; i < seconds * 50; i++) {
		blocks.push(el([0xa3], new Uint8Array([0x81, 0, 0, 0x80]), new Uint8Array([0xf8, 0xff, 0xfe])));
	}
	return concat(
		el([0x1a, 0x45, 0xdf, 0xa3], el([0x42, 0x82], text('webm'))),
		el(
			[0x18, 0x53, 0x80, 0x67],
			el(
				[0x15, 0x49, 0xa9, 0x66],
				el([0x2a, 0xd7, 0xb1], u32be(1_000_000)),
				el([0x44, 0x89], float64(seconds * 1000)),
				el([0x7b, 0xa9], text(secretTag))
			),
			el(
				[0x16, 0x54, 0xae, 0x6b],
				el(
					[0xae],
					el([0xd7], uint(1)),
					el([0x73, 0xc5], uint(1)),
					el([0x83], uint(2)),
					el([0x86], text('A_OPUS')),
					el([0x63, 0xa2], head),
					el([0xe1], el([0xb5], float64(48000)), el([0x9f], uint(1)))
				)
			),
			el([0x1f, 0x43, 0xb6, 0x75], el([0xe7], uint(0)), ...blocks),
			el(
				[0x19, 0x41, 0xa4, 0x69],
				el(
					[0x61, 0xa7],
					el([0x46, 0x6e], text('cover.png')),
					el([0x46, 0x60], text('image/png')),
					el([0x46, 0x5c], new Uint8Array(64).fill(7))
				)
			),
			el(
				[0x12, 0x54, 0xc3, 0x67],
				el(
					[0x73, 0x73],
					el([0x67, 0xc8], el([0x45, 0xa3], text('TITLE')), el([0x44, 0x87], text(secretTag)))
				)
			)
		)
	);
}

function box(type: string, ...payload: Uint8Array[]): Uint8Array {
	const body = concat(...payload);
	const name = Uint8Array.from(type, (c) => c.charCodeAt(0));
	return concat(u32be(8 + body.length), name, body);
}
const full = (type: string, ...payload: Uint8Array[]) => box(type, new Uint8Array(4), ...payload);

/** MP4 audio (M4A) with one AAC track and an iTunes title in moov/udta/meta/ilst. */
export function m4a(seconds: number): Uint8Array {
	const samples = Math.round((seconds * 44100) / 1024);
	const sample = new Uint8Array(6);
	const esds = full(
		'esds',
		new Uint8Array([
			0x03, 25, 0, 1, 0, 0x04, 17, 0x40, 0x15, 0, 0, 0, 0, 1, 0xf4, 0, 0, 1, 0xf4, 0, 0x05, 2, 0x12,
			0x08, 0x06, 1, 2
		])
	);
	const mp4a = box(
		'mp4a',
		new Uint8Array(6),
		u16be(1),
		new Uint8Array(8),
		u16be(1),
		u16be(16),
		new Uint8Array(4),
		u32be(44100 << 16),
		esds
	);
	const mdatOffsetPlaceholder = u32be(0);
	const stbl = box(
		'stbl',
		full('stsd', u32be(1), mp4a),
		full('stts', u32be(1), u32be(samples), u32be(1024)),
		full('stsc', u32be(1), u32be(1), u32be(samples), u32be(1)),
		full('stsz', u32be(sample.length), u32be(samples)),
		full('stco', u32be(1), mdatOffsetPlaceholder)
	);
	const duration = samples * 1024;
	const moov = box(
		'moov',
		full(
			'mvhd',
			u32be(0),
			u32be(0),
			u32be(44100),
			u32be(duration),
			u32be(0x10000),
			u16be(0x100),
			new Uint8Array(10),
			new Uint8Array(36),
			new Uint8Array(24),
			u32be(2)
		),
		box(
			'trak',
			full(
				'tkhd',
				u32be(0),
				u32be(0),
				u32be(1),
				u32be(0),
				u32be(duration),
				new Uint8Array(8),
				new Uint8Array(8),
				new Uint8Array(36),
				u32be(0),
				u32be(0)
			),
			box(
				'mdia',
				full('mdhd', u32be(0), u32be(0), u32be(44100), u32be(duration), u16be(0x55c4), u16be(0)),
				full('hdlr', u32be(0), text('soun'), new Uint8Array(12), text('sound\0')),
				box(
					'minf',
					full('smhd', u32be(0)),
					box('dinf', full('dref', u32be(1), full('url ', new Uint8Array(0)))),
					stbl
				)
			)
		),
		box(
			'udta',
			full(
				'meta',
				full('hdlr', u32be(0), text('mdir'), text('appl'), new Uint8Array(9)),
				box('ilst', box('\xa9nam', box('data', u32be(1), u32be(0), text(secretTag))))
			)
		)
	);
	const ftyp = box('ftyp', text('M4A '), u32be(0), text('M4A mp42isom'));
	const mdat = box('mdat', new Uint8Array(samples * sample.length));
	const file = concat(ftyp, moov, mdat);
	// The one chunk starts after the mdat header.
	const stco = indexOf(file, text('stco'));
	new DataView(file.buffer).setUint32(stco + 12, ftyp.length + moov.length + 8);
	return file;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
	outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
		for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
		return i;
	}
	return -1;
}

/** Whether the secret tag text is anywhere in the bytes. */
export const holdsSecret = (bytes: Uint8Array) => indexOf(bytes, text(secretTag)) >= 0;
