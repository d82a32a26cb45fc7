import { describe, expect, it } from 'vitest';
import { recordingInput, type RecordingValue } from '$lib/admin/forms/narration';
import { formatClock } from '$lib/content/format';
import type { Recording, Tour, Venue } from '$lib/content/schemas';
import { snapshotOf } from '$lib/content/snapshot';
import { narrationView, stopText } from '$lib/content/views/narration';
import { tourView } from '$lib/content/views/tour';
import { venueView } from '$lib/content/views/venue';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const now = '2026-11-28T10:00';
const zhRecording: Recording = {
	language: 'zh',
	url: '/media/0123456789abcdef0123.mp3',
	durationS: 95.5,
	bytes: 40_000,
	transcript: '这是录音的文字稿。'
};

describe('what a player narrates', () => {
	const item = {
		key: 'venues:ven_x',
		title: '美术馆',
		recordings: [zhRecording],
		text: { zh: '中文介绍。', en: 'English description.' }
	};

	it('plays the recording in the page’s language and shows its transcript', () => {
		const view = narrationView(item, 'zh');
		expect(view.recording).toEqual({
			url: zhRecording.url,
			durationS: 95.5,
			language: 'zh',
			bytes: 40_000
		});
		expect(view.text).toBe('这是录音的文字稿。');
		expect(view.textLanguage).toBe('zh');
	});

	it('never plays another language’s recording: an English page reads the English text', () => {
		const view = narrationView(item, 'en');
		expect(view.recording).toBeUndefined();
		expect(view.text).toBe('English description.');
		expect(view.textLanguage).toBe('en');
	});

	it('reads an untranslated description with a Chinese voice on an English page', () => {
		const view = narrationView(
			{ ...item, recordings: undefined, text: { zh: '只有中文。' } },
			'en'
		);
		expect(view.text).toBe('只有中文。');
		expect(view.textLanguage).toBe('zh');
	});

	it('offers the smallest photo rendition for the lock screen', () => {
		const image = {
			src: '/media/abcdef0123456789abcd',
			alt: { zh: '图', en: undefined },
			width: 1600,
			height: 1200,
			widths: [1600, 480, 960]
		};
		expect(narrationView({ ...item, image }, 'zh').artwork).toEqual({
			src: '/media/abcdef0123456789abcd-480.webp',
			width: 480,
			height: 360
		});
	});
});

describe('a stop’s text to read aloud', () => {
	it('joins the stop’s note and its venue’s description, in English only when both have it', () => {
		expect(
			stopText({ zh: '注意台阶。', en: 'Mind the steps.' }, { zh: '介绍。', en: 'About.' })
		).toEqual({
			zh: '注意台阶。\n\n介绍。',
			en: 'Mind the steps.\n\nAbout.'
		});
		expect(stopText({ zh: '注意台阶。' }, { zh: '介绍。', en: 'About.' })).toEqual({
			zh: '注意台阶。\n\n介绍。'
		});
		expect(stopText(undefined, undefined)).toEqual({ zh: '' });
	});
});

describe('narration on the venue and tour pages', () => {
	it('gives a venue’s page its recording', () => {
		const venue = snap.venues.find((v) => v.slug === 'jining-library') as Venue;
		const narrated = snapshotOf({
			...snap,
			venues: snap.venues.map((v) => (v.id === venue.id ? { ...v, narration: [zhRecording] } : v))
		});
		const view = venueView(narrated, { slug: 'jining-library' }, { lang: 'zh', now });
		expect(view.narration.recording?.url).toBe(zhRecording.url);
		expect(view.narration.key).toBe(`venues:${venue.id}`);
	});

	it('lets a stop without its own recording narrate its venue’s, with the default radius', () => {
		const tour = snap.tours.find((t) => t.stops.some((s) => s.venueId)) as Tour;
		const index = tour.stops.findIndex((s) => s.venueId);
		const venueId = tour.stops[index].venueId;
		const narrated = snapshotOf({
			...snap,
			venues: snap.venues.map((v) => (v.id === venueId ? { ...v, narration: [zhRecording] } : v)),
			tours: snap.tours.map((t) =>
				t.id === tour.id
					? // As a phone mirrored it before stops had a radius or narration.
						({
							...t,
							stops: t.stops.map((s) => ({ ...s, radiusM: undefined, narration: [] }))
						} as unknown as Tour)
					: t
			)
		});
		const stop = tourView(narrated, { slug: tour.slug }, { lang: 'zh', now }).stops.find(
			(s) => s.index === index
		);
		expect(stop?.narration.recording?.url).toBe(zhRecording.url);
		expect(stop?.narration.key).toBe(`tours:${tour.id}:${index}`);
		expect(stop?.radiusM).toBe(40);
	});
});

describe('transcripts saved from the record form', () => {
	it('keeps only files the record already holds, with their stored size and duration', () => {
		const values: RecordingValue[] = [
			{ language: 'zh', url: zhRecording.url, durationS: 1, transcript: '改过的文字稿。' },
			{
				language: 'en',
				url: '/media/ffffffffffffffffffff.mp3',
				durationS: 9,
				transcript: 'Forged.'
			}
		];
		expect(recordingInput(values, [zhRecording])).toEqual([
			{ ...zhRecording, transcript: '改过的文字稿。' }
		]);
	});
});

describe('a player’s clock', () => {
	it('shows minutes and seconds, hours past an hour, and nothing below zero', () => {
		expect(formatClock(40)).toBe('0:40');
		expect(formatClock(95.9)).toBe('1:35');
		expect(formatClock(3725)).toBe('1:02:05');
		expect(formatClock(-3)).toBe('0:00');
		expect(formatClock(Number.NaN)).toBe('0:00');
	});
});
