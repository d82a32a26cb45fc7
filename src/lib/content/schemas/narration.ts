import { z } from '$lib/content/zod';
import {
	defaultRadiusM,
	maxNarrationBytes,
	maxNarrationSeconds,
	maxRadiusM,
	minRadiusM,
	narrationLanguages
} from '../narration-limits';
import { plainText } from './primitives';

/**
 * Narration (语音导览) of a venue or a tour stop: at most one recording per language, each with its
 * transcript (required: for visitors who cannot listen, and for search). The phone receives these
 * in the feed like every other field and plays `url` from the media store.
 */
export {
	defaultRadiusM,
	maxNarrationBytes,
	maxNarrationSeconds,
	narrationLanguages,
	type NarrationLanguage
} from '../narration-limits';

/** A stored recording's path: the hash of the served bytes and the container's extension. */
export const recordingUrl = z
	.string()
	.regex(/^\/media\/[a-f0-9]{20}\.(?:mp3|aac|m4a|ogg|webm)$/, 'must be a stored recording');

export const recording = z.object({
	language: z.enum(narrationLanguages),
	url: recordingUrl,
	/** Seconds, to a tenth. */
	durationS: z.number().positive().max(maxNarrationSeconds),
	/** Bytes as served (tags removed): what a download of the tour will cost. */
	bytes: z.number().int().positive().max(maxNarrationBytes),
	/** 20 minutes of speech is about 6,000 Chinese characters or 3,000 English words. */
	transcript: plainText(20_000).pipe(z.string().min(1, 'a transcript is required'))
});
export type Recording = z.infer<typeof recording>;

export const narration = z
	.array(recording)
	.max(narrationLanguages.length)
	.superRefine((list, ctx) => {
		const seen = new Set<string>();
		list.forEach((item, i) => {
			if (seen.has(item.language)) {
				ctx.addIssue({
					code: 'custom',
					path: [i, 'language'],
					message: 'one recording per language'
				});
			}
			seen.add(item.language);
		});
	})
	.default([]);

/** How close a visitor must come for a stop's narration to start; editors set it per stop. */
export const stopRadius = z.number().int().min(minRadiusM).max(maxRadiusM).default(defaultRadiusM);
