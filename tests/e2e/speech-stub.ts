import type { Page } from '@playwright/test';

/** What the stubbed device voice was asked to say, in order. */
export interface Spoken {
	text: string;
	lang: string;
	rate: number;
}

/**
 * A device voice list for the page, and a record of what it was asked to say: Chromium in the
 * tests has no voices of its own, and a test must hear what a visitor would.
 */
export async function stubSpeech(page: Page, voices: { lang: string; name: string }[]) {
	await page.addInitScript((list) => {
		const spoken: { text: string; lang: string; rate: number }[] = [];
		(window as unknown as { spoken: typeof spoken }).spoken = spoken;
		class Utterance extends EventTarget {
			voice: unknown = null;
			lang = '';
			rate = 1;
			onboundary: ((e: { charIndex: number }) => void) | null = null;
			onend: (() => void) | null = null;
			constructor(readonly text: string) {
				super();
			}
		}
		const synth = Object.assign(new EventTarget(), {
			getVoices: () =>
				list.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name })),
			speak(u: Utterance) {
				spoken.push({ text: u.text, lang: u.lang, rate: u.rate });
				setTimeout(() => u.onboundary?.({ charIndex: Math.min(2, u.text.length) }), 50);
			},
			cancel() {},
			pause() {},
			resume() {}
		});
		Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
		Object.defineProperty(window, 'SpeechSynthesisUtterance', {
			value: Utterance,
			configurable: true
		});
	}, voices);
}

export const spokenSoFar = (page: Page) =>
	page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
