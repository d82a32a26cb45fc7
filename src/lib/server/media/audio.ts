import { createHash } from 'node:crypto';
import { parseBuffer, type IAudioMetadata } from 'music-metadata';
import { maxNarrationBytes, maxNarrationSeconds } from '$lib/content/narration-limits';
import { audioTypes, sniffAudio, type AudioFormat } from './audio-format';
import { StripError, stripAudioTags } from './audio-strip';
import { mediaStore } from './index';
import { mpegFrames } from './mpeg-frames';
import type { MediaStore } from './store';

/**
 * Why a recording was refused; the console says each in the editor's language
 * (`admin_narration_problem_*` messages).
 */
export type AudioProblem =
	'too large' | 'not audio' | 'too long' | 'truncated' | 'unreadable' | 'too slow';
export class AudioError extends Error {
	constructor(readonly problem: AudioProblem) {
		super(problem);
	}
}

/** Reading a file this long is never legitimate work for the parser: it is refused. */
export const audioParseMs = 5_000;

/** The codec the parser must find in each container (it names them in its own words). */
const codecs: Record<AudioFormat, RegExp> = {
	mp3: /^MPEG 1 Layer 3$|^MPEG 2(\.5)? Layer 3$/,
	aac: /AAC/,
	m4a: /AAC|MPEG-4\/AAC/,
	ogg: /^Opus$/,
	webm: /^opus$/i
};

/**
 * The parser runs on the whole file in memory (at most 30 MB, checked first: a full scan of that
 * takes well under a second) and is given `audioParseMs` to answer; a file that leads it to wait
 * forever is refused instead of holding the request.
 */
async function parse(bytes: Uint8Array, format: AudioFormat): Promise<IAudioMetadata> {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const late = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new AudioError('too slow')), audioParseMs);
	});
	try {
		return await Promise.race([
			parseBuffer(
				bytes,
				{ mimeType: audioTypes[format], size: bytes.length },
				{
					duration: true,
					skipCovers: true
				}
			),
			late
		]);
	} catch (problem) {
		if (problem instanceof AudioError) throw problem;
		throw new AudioError('unreadable');
	} finally {
		clearTimeout(timer);
	}
}

export interface ProcessedAudio {
	/** `/media/<hash>.<ext>`: a changed recording is a new URL, cached forever. */
	url: string;
	durationS: number;
	/** Bytes as served (tags removed). */
	bytes: number;
}

/**
 * Checks a recording by its content, removes its tags (see audio-strip.ts), reads its duration
 * and codec with music-metadata and stores it under the hash of what is served. Everything that
 * can be checked cheaply (size, first bytes) is checked before the parser runs.
 */
export async function processAudio(
	input: Uint8Array,
	store: MediaStore = mediaStore()
): Promise<ProcessedAudio> {
	if (input.byteLength > maxNarrationBytes) throw new AudioError('too large');
	const format = sniffAudio(input);
	if (!format) throw new AudioError('not audio');
	let bytes: Uint8Array;
	try {
		bytes = stripAudioTags(format, input);
	} catch (problem) {
		if (problem instanceof StripError) throw new AudioError('unreadable');
		throw problem;
	}
	if (format === 'mp3' || format === 'aac') {
		const frames = mpegFrames(bytes, format);
		if (frames !== 'whole') throw new AudioError(frames === 'cut' ? 'truncated' : 'unreadable');
	}
	const meta = await parse(bytes, format);
	const { duration, codec, hasVideo } = meta.format;
	if (hasVideo || !codec || !codecs[format].test(codec)) throw new AudioError('not audio');
	if (!duration || !Number.isFinite(duration) || duration <= 0) {
		throw new AudioError('unreadable');
	}
	if (duration > maxNarrationSeconds) throw new AudioError('too long');
	const key = `${createHash('sha256').update(bytes).digest('hex').slice(0, 20)}.${format}`;
	if (!(await store.exists(key))) await store.put(key, bytes, audioTypes[format]);
	return { url: `/media/${key}`, durationS: Math.round(duration * 10) / 10, bytes: bytes.length };
}
