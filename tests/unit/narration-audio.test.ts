import { parseBuffer } from 'music-metadata';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { narration, recording, tour, venue } from '$lib/content/schemas';
import { audioTypes, sniffAudio, type AudioFormat } from '$lib/server/media/audio-format';
import { AudioError, processAudio } from '$lib/server/media/audio';
import { stripAudioTags } from '$lib/server/media/audio-strip';
import type { MediaStore } from '$lib/server/media/store';
import { adts, holdsSecret, m4a, mp3, oggOpus, webmOpus } from '../helpers/audio-fixtures';

function memoryStore() {
	const files = new Map<string, { bytes: Uint8Array; contentType: string }>();
	const store: MediaStore = {
		async put(key, bytes, contentType) {
			files.set(key, { bytes, contentType });
		},
		async get(key) {
			return files.get(key);
		},
		async exists(key) {
			return files.has(key);
		}
	};
	return { files, store };
}

const makers: Record<AudioFormat, (seconds: number) => Uint8Array> = {
	mp3,
	aac: adts,
	m4a,
	ogg: oggOpus,
	webm: webmOpus
};

describe('narration recordings', () => {
	for (const [format, make] of Object.entries(makers) as [AudioFormat, typeof mp3][]) {
		it(`recognises ${format} by its content and stores it without its tags`, async () => {
			const bytes = make(3);
			expect(sniffAudio(bytes)).toBe(format);
			expect(holdsSecret(bytes)).toBe(true);
			const { files, store } = memoryStore();
			const audio = await processAudio(bytes, store);
			expect(audio.url).toMatch(new RegExp(`^/media/[a-f0-9]{20}\\.${format}$`));
			expect(audio.durationS).toBeGreaterThan(2.5);
			expect(audio.durationS).toBeLessThan(3.5);
			const stored = files.get(audio.url.slice('/media/'.length))!;
			expect(stored.contentType).toBe(audioTypes[format]);
			expect(stored.bytes.length).toBe(audio.bytes);
			expect(holdsSecret(stored.bytes)).toBe(false);
			const reread = await parseBuffer(stored.bytes, audioTypes[format], { duration: true });
			expect(reread.common.title).toBeUndefined();
			expect(reread.common.picture ?? []).toHaveLength(0);
		});
	}

	it('refuses a PNG renamed to .mp3 as not audio, before parsing', async () => {
		const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
			.png()
			.toBuffer();
		const { files, store } = memoryStore();
		await expect(processAudio(new Uint8Array(png), store)).rejects.toMatchObject({
			problem: 'not audio'
		});
		expect(files.size).toBe(0);
	});

	it('refuses a file over 30 MB without reading it', async () => {
		const big = new Uint8Array(30 * 1024 * 1024 + 1);
		big.set(mp3(1));
		await expect(processAudio(big, memoryStore().store)).rejects.toMatchObject({
			problem: 'too large'
		});
	});

	it('refuses a recording longer than 20 minutes', async () => {
		const { files, store } = memoryStore();
		await expect(processAudio(oggOpus(20 * 60 + 5), store)).rejects.toMatchObject({
			problem: 'too long'
		});
		expect(files.size).toBe(0);
	});

	it('accepts a recording of exactly 20 minutes', async () => {
		const audio = await processAudio(mp3(20 * 60 - 1, { tags: false }), memoryStore().store);
		expect(audio.durationS).toBeLessThanOrEqual(1200);
	});

	it('refuses an MP3 cut off in the middle of a frame as truncated', async () => {
		const cut = mp3(3, { tags: false }).subarray(0, 417 * 50 + 100);
		await expect(processAudio(cut, memoryStore().store)).rejects.toMatchObject({
			problem: 'truncated'
		});
	});

	it('refuses corrupt containers with a problem, never an exception of the parser', async () => {
		const samples: Uint8Array[] = [
			oggOpus(2).subarray(0, 60),
			webmOpus(2).subarray(0, 120),
			m4a(2).subarray(0, 200),
			(() => {
				const broken = mp3(2, { tags: false });
				broken.fill(0x41, 417 * 10, 417 * 11);
				return broken;
			})()
		];
		for (const bytes of samples) {
			const outcome = await processAudio(bytes, memoryStore().store).catch((e: unknown) => e);
			expect(outcome).toBeInstanceOf(AudioError);
		}
	});

	it('refuses random bytes behind a plausible header, whatever they are', async () => {
		for (let seed = 1; seed <= 30; seed++) {
			const noise = Uint8Array.from({ length: 4000 }, (_, i) => (i * 7919 * seed) & 0xff);
			for (const head of [mp3(1, { tags: false }).subarray(0, 4), oggOpus(0).subarray(0, 47)]) {
				const bytes = new Uint8Array([...head, ...noise]);
				const outcome = await processAudio(bytes, memoryStore().store).catch((e: unknown) => e);
				expect(outcome).toBeInstanceOf(AudioError);
			}
		}
	});

	it('blanks tags in place in containers that rely on offsets', () => {
		for (const make of [m4a, oggOpus, webmOpus]) {
			const bytes = make(1);
			const format = sniffAudio(bytes)!;
			expect(stripAudioTags(format, bytes).length).toBe(bytes.length);
		}
	});
});

describe('the narration schema', () => {
	const base = {
		language: 'zh',
		url: '/media/0123456789abcdef0123.mp3',
		durationS: 61.5,
		bytes: 984_000,
		transcript: '太白湖……'
	};

	it('requires a transcript with every recording', () => {
		const result = recording.safeParse({ ...base, transcript: '  ' });
		expect(result.success).toBe(false);
		expect(result.error?.issues[0]).toMatchObject({
			path: ['transcript'],
			message: 'a transcript is required'
		});
	});

	it('holds one recording per language', () => {
		const result = narration.safeParse([base, { ...base }]);
		expect(result.error?.issues[0]).toMatchObject({ message: 'one recording per language' });
		expect(narration.parse([base, { ...base, language: 'en' }])).toHaveLength(2);
	});

	it('accepts only stored recordings, within the limits', () => {
		for (const bad of [
			{ url: 'https://elsewhere.example/a.mp3' },
			{ url: '/media/0123456789abcdef0123.wav' },
			{ durationS: 1200.5 },
			{ bytes: 30 * 1024 * 1024 + 1 },
			{ language: 'fr' }
		]) {
			expect(recording.safeParse({ ...base, ...bad }).success).toBe(false);
		}
	});

	it('gives old venues no narration and old tour stops the default radius', () => {
		const tourShape = tour.shape.stops.def.element;
		expect(tourShape.parse({ venueId: 'ven_abcdef', stayMinutes: 10 })).toMatchObject({
			radiusM: 40,
			narration: []
		});
		expect(venue.shape.narration.parse(undefined)).toEqual([]);
		for (const radiusM of [9, 501, 40.5]) {
			expect(tourShape.safeParse({ venueId: 'ven_abcdef', stayMinutes: 10, radiusM }).success).toBe(
				false
			);
		}
	});
});
