import type { Page } from '@playwright/test';

/** What the stubbed device voice was asked to say, in order. */
export interface Spoken {
	text: string;
	lang: string;
	rate: number;
}

/**
 * A device voice list for the page, and a record of what it was asked to say: Chromium in the
 * tests has no voices of its own, and a test must hear what a visitor would. With `refuseFirst`,
 * the first utterance is refused as a browser refuses speech not started by a tap (`not-allowed`).
 */
export async function stubSpeech(
	page: Page,
	voices: { lang: string; name: string }[],
	{ refuseFirst = false }: { refuseFirst?: boolean } = {}
) {
	await page.addInitScript(
		([list, refuse]) => {
			let refusals = refuse ? 1 : 0;
			const spoken: { text: string; lang: string; rate: number }[] = [];
			(window as unknown as { spoken: typeof spoken }).spoken = spoken;
			class Utterance extends EventTarget {
				voice: unknown = null;
				lang = '';
				rate = 1;
				onboundary: ((e: { charIndex: number }) => void) | null = null;
				onend: (() => void) | null = null;
				onerror: ((e: { error: string }) => void) | null = null;
				constructor(readonly text: string) {
					super();
				}
			}
			const synth = Object.assign(new EventTarget(), {
				getVoices: () =>
					list.map((v) => ({ ...v, default: false, localService: true, voiceURI: v.name })),
				speak(u: Utterance) {
					if (refusals > 0) {
						refusals--;
						setTimeout(() => u.onerror?.({ error: 'not-allowed' }), 10);
						return;
					}
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
		},
		[voices, refuseFirst] as const
	);
}

export const spokenSoFar = (page: Page) =>
	page.evaluate(() => (window as unknown as { spoken: Spoken[] }).spoken);
