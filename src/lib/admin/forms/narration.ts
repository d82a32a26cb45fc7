import type { NarrationLanguage, Recording } from '$lib/content/schemas';
import { str } from './values';

/**
 * A recording as a record form holds it: the file's reference and duration (shown, sent back as
 * hidden fields) and the transcript (edited). Files are uploaded by their own action
 * (server/editing/narration-actions.ts); a form save only edits transcripts and may move a
 * stop's recordings with the stop.
 */
export interface RecordingValue {
	language: NarrationLanguage;
	url: string;
	durationS: number;
	transcript: string;
}

export function recordingValues(narration: Recording[] | undefined): RecordingValue[] {
	return (narration ?? []).map(({ language, url, durationS, transcript }) => ({
		language,
		url,
		durationS,
		transcript
	}));
}

/** At most a few recordings per item: the loop over indexes is bounded. */
export function recordingValuesFrom(form: FormData, prefix: string): RecordingValue[] {
	const values: RecordingValue[] = [];
	for (let i = 0; i < 4; i++) {
		const url = str(form, `${prefix}.${i}.url`);
		if (!url) continue;
		values.push({
			language: str(form, `${prefix}.${i}.language`) === 'en' ? 'en' : 'zh',
			url,
			durationS: Number(str(form, `${prefix}.${i}.durationS`)) || 0,
			transcript: str(form, `${prefix}.${i}.transcript`)
		});
	}
	return values;
}

/**
 * The recordings to save: only files the stored record already holds (`pool`) are kept, with
 * their stored size and duration, so a form can never point a record at a file nobody uploaded;
 * the transcript is the form's.
 */
export function recordingInput(values: RecordingValue[], pool: Recording[]): Recording[] {
	return values.flatMap((value) => {
		const stored = pool.find((r) => r.url === value.url && r.language === value.language);
		return stored ? [{ ...stored, transcript: value.transcript }] : [];
	});
}
