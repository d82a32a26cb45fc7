/**
 * Walks the frames of an MP3 or ADTS AAC stream (tags already removed) to tell a whole file from
 * a cut one: the parser happily reports the duration of what is there, but a recording that
 * stops mid-frame was cut in transfer and would end in a click or not at all on some phones.
 */
const mp3Bitrates = {
	v1: [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
	v2: [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
};
const mp3Rates = { 3: [44100, 48000, 32000], 2: [22050, 24000, 16000], 0: [11025, 12000, 8000] };

function mp3FrameLength(b: Uint8Array, at: number): number {
	if (b[at] !== 0xff || (b[at + 1] & 0xe0) !== 0xe0 || ((b[at + 1] >> 1) & 3) !== 1) return 0;
	const version = (b[at + 1] >> 3) & 3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
	if (version === 1) return 0;
	const bitrate = (version === 3 ? mp3Bitrates.v1 : mp3Bitrates.v2)[b[at + 2] >> 4];
	const rate = mp3Rates[version as 0 | 2 | 3][(b[at + 2] >> 2) & 3];
	if (!bitrate || !rate) return 0;
	const padding = (b[at + 2] >> 1) & 1;
	return Math.floor(((version === 3 ? 144 : 72) * bitrate * 1000) / rate) + padding;
}

function adtsFrameLength(b: Uint8Array, at: number): number {
	if (b[at] !== 0xff || (b[at + 1] & 0xf6) !== 0xf0) return 0;
	return ((b[at + 3] & 3) << 11) | (b[at + 4] << 3) | (b[at + 5] >> 5);
}

/** 'whole', 'cut' (the last frame runs past the end) or 'broken' (the frames lose step). */
export function mpegFrames(bytes: Uint8Array, format: 'mp3' | 'aac'): 'whole' | 'cut' | 'broken' {
	const lengthAt = format === 'mp3' ? mp3FrameLength : adtsFrameLength;
	let at = 0;
	let frames = 0;
	while (at < bytes.length) {
		if (at + 6 > bytes.length) return 'cut';
		const length = lengthAt(bytes, at);
		if (length < 7) return 'broken';
		if (at + length > bytes.length) return 'cut';
		at += length;
		frames++;
	}
	return frames > 0 ? 'whole' : 'broken';
}
