import type { Language } from '$lib/content/localized';

/**
 * The device's speech synthesis (Web Speech API), when it has a voice for the language: Chinese
 * wants a Mandarin voice of mainland China (zh-CN; zh-TW and Cantonese voices read the same
 * characters with other sounds), English any English voice.
 */
export function speechAvailable(): boolean {
	return (
		typeof window !== 'undefined' &&
		'speechSynthesis' in window &&
		'SpeechSynthesisUtterance' in window
	);
}

function matching(
	voices: SpeechSynthesisVoice[],
	lang: Language
): SpeechSynthesisVoice | undefined {
	const norm = (v: SpeechSynthesisVoice) => v.lang.replace('_', '-').toLowerCase();
	if (lang === 'zh') {
		return (
			voices.find((v) => norm(v) === 'zh-cn') ??
			voices.find((v) => /^(zh-hans|cmn)/.test(norm(v)) || norm(v) === 'zh')
		);
	}
	return (
		voices.find((v) => norm(v) === 'en-us' || norm(v) === 'en-gb') ??
		voices.find((v) => norm(v).startsWith('en'))
	);
}

/**
 * The voice for `lang`, or undefined when the device has none. Browsers load their voice list
 * after the page, announcing it with `voiceschanged`; a device that never does has no voices.
 */
export async function findVoice(
	lang: Language,
	waitMs = 1500
): Promise<SpeechSynthesisVoice | undefined> {
	if (!speechAvailable()) return undefined;
	const synth = window.speechSynthesis;
	const now = matching(synth.getVoices(), lang);
	if (now || synth.getVoices().length) return now;
	return new Promise((resolve) => {
		const done = () => {
			clearTimeout(timer);
			synth.removeEventListener('voiceschanged', done);
			resolve(matching(synth.getVoices(), lang));
		};
		const timer = setTimeout(done, waitMs);
		synth.addEventListener('voiceschanged', done);
	});
}

/** Characters a voice reads per second at rate 1: for the position, the progress and "back 15 s". */
export const charsPerSecond: Record<Language, number> = { zh: 4.5, en: 14 };
