import type { Language } from '$lib/content/localized';

/**
 * Reads a text aloud with the device's voice, sentence by sentence: Chrome stops a long
 * utterance after about fifteen seconds on some systems, and short ones make pausing, speed
 * changes and "back 15 s" simple (speaking again from a character offset). Pausing cancels
 * rather than calling `speechSynthesis.pause()`, which several Android browsers ignore.
 */
export class SpeechReader {
	/** Where reading is (or would resume), in characters of the text. */
	offset = 0;
	private utterance: SpeechSynthesisUtterance | undefined;
	private readonly sentenceEnds: number[];

	constructor(
		private readonly text: string,
		private readonly voice: SpeechSynthesisVoice,
		private readonly lang: Language,
		/** `refused`: the browser would not speak without a tap (its autoplay rule). */
		private readonly changed: (state: {
			offset: number;
			speaking: boolean;
			refused?: boolean;
		}) => void
	) {
		// Sentence ends (after 。！？.!? or a line break), bounded by the text's length.
		this.sentenceEnds = [...text.matchAll(/[。！？!?.\n]+/g)].map((m) => m.index + m[0].length);
		if (this.sentenceEnds.at(-1) !== text.length) this.sentenceEnds.push(text.length);
	}

	get length(): number {
		return this.text.length;
	}

	get speaking(): boolean {
		return this.utterance !== undefined;
	}

	play(rate: number): void {
		this.stop();
		if (this.offset >= this.text.length) this.offset = 0;
		this.speakFrom(this.offset, rate);
	}

	pause(): void {
		this.stop();
		this.changed({ offset: this.offset, speaking: false });
	}

	/** Moves the reading position; reading continues there if it was reading. */
	seek(offset: number, rate: number): void {
		const wasSpeaking = this.speaking;
		this.stop();
		this.offset = Math.max(0, Math.min(this.text.length, Math.round(offset)));
		if (wasSpeaking) this.speakFrom(this.offset, rate);
		else this.changed({ offset: this.offset, speaking: false });
	}

	private stop(): void {
		const current = this.utterance;
		this.utterance = undefined;
		if (current) window.speechSynthesis.cancel();
	}

	private speakFrom(start: number, rate: number): void {
		const end = this.sentenceEnds.find((e) => e > start) ?? this.text.length;
		const utterance = new SpeechSynthesisUtterance(this.text.slice(start, end));
		utterance.voice = this.voice;
		utterance.lang = this.voice.lang;
		utterance.rate = rate;
		utterance.onboundary = (event) => {
			if (this.utterance !== utterance) return;
			this.offset = start + event.charIndex;
			this.changed({ offset: this.offset, speaking: true });
		};
		utterance.onend = () => {
			if (this.utterance !== utterance) return; // cancelled: pause or seek took over
			this.offset = end;
			if (end >= this.text.length) {
				this.utterance = undefined;
				this.changed({ offset: this.offset, speaking: false });
			} else this.speakFrom(end, rate);
		};
		utterance.onerror = (event) => {
			if (this.utterance !== utterance) return; // cancelled on purpose
			this.utterance = undefined;
			this.changed({ offset: start, speaking: false, refused: event.error === 'not-allowed' });
		};
		this.utterance = utterance;
		this.offset = start;
		this.changed({ offset: start, speaking: true });
		window.speechSynthesis.speak(utterance);
	}
}
