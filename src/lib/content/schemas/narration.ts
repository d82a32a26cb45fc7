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
	.check(
		z.regex(/^\/media\/[a-f0-9]{20}\.(?:mp3|aac|m4a|ogg|webm)$/, 'must be a stored recording')
	);

export const recording = z.object({
	language: z.enum(narrationLanguages),
	url: recordingUrl,
	/** Seconds, to a tenth. */
	durationS: z.number().check(z.positive(), z.lte(maxNarrationSeconds)),
	/** Bytes as served (tags removed): what a download of the tour will cost. */
	bytes: z.number().check(z.int(), z.positive(), z.lte(maxNarrationBytes)),
	/** 20 minutes of speech is about 6,000 Chinese characters or 3,000 English words. */
	transcript: z.pipe(
		plainText(20_000),
		z.string().check(z.minLength(1, 'a transcript is required'))
	)
});
export type Recording = z.infer<typeof recording>;

export const narration = z._default(
	z.array(recording).check(
		z.maxLength(narrationLanguages.length),
		z.superRefine((list, ctx) => {
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
	),
	[]
);

/** How close a visitor must come for a stop's narration to start; editors set it per stop. */
export const stopRadius = z._default(
	z.number().check(z.int(), z.gte(minRadiusM), z.lte(maxRadiusM)),
	defaultRadiusM
);
