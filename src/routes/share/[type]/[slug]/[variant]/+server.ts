import { error } from '@sveltejs/kit';
import { languages, type Language } from '$lib/content/localized';
import {
	eventCard,
	festivalCard,
	shareTypes,
	tourCard,
	venueCard,
	type ShareType
} from '$lib/content/share';
import { instantToShanghai } from '$lib/content/time';
import { ViewNotFoundError } from '$lib/content/views/context';
import { eventView } from '$lib/content/views/event';
import { festivalView } from '$lib/content/views/festival';
import { tourView } from '$lib/content/views/tour';
import { venueView } from '$lib/content/views/venue';
import type { Snapshot } from '$lib/content/snapshot';
import { getStore } from '$lib/server/app';
import { serverSnapshot } from '$lib/server/content/snapshot';
import { mediaStore } from '$lib/server/media';
import { cardVariants, shareCard, type CardVariant } from '$lib/server/share/card';
import type { RequestHandler } from './$types';

const marks: Record<Language, string> = { zh: '太白湖文旅', en: 'Taibai Lake Guide' };

function cardText(snap: Snapshot, type: ShareType, slug: string, lang: Language) {
	const context = { lang, now: instantToShanghai(new Date()) };
	switch (type) {
		case 'events':
			return eventCard(eventView(snap, { slug }, context), lang);
		case 'venues':
			return venueCard(venueView(snap, { slug }, context), lang);
		case 'tours':
			return tourCard(tourView(snap, { slug }, context), lang);
		case 'festivals':
			return festivalCard(festivalView(snap, { slug }, context), lang);
	}
}

/**
 * The share card of a published event, venue, tour or festival (`wide.jpg` 1200×630, `square.jpg`
 * 600×600), drawn from the public snapshot only: a draft has no card. The URL carries the card's
 * fingerprint (`v`), so it may be cached for a long time.
 */
export const GET: RequestHandler = async ({ params, url }) => {
	const type = shareTypes.find((t) => t === params.type);
	const variant = (Object.keys(cardVariants) as CardVariant[]).find(
		(v) => `${v}.jpg` === params.variant
	);
	const lang = (url.searchParams.get('lang') ?? 'zh') as Language;
	if (!type || !variant || !languages.includes(lang)) error(404, 'No such share card');
	let text;
	try {
		text = cardText(await serverSnapshot(getStore()), type, params.slug, lang);
	} catch (problem) {
		if (problem instanceof ViewNotFoundError) error(404, 'No such share card');
		throw problem;
	}
	const card = await shareCard(
		{ title: text.title, lines: text.lines, mark: marks[lang], photoKey: text.photoKey },
		variant,
		mediaStore()
	);
	return new Response(new Uint8Array(card.bytes), {
		headers: {
			'content-type': 'image/jpeg',
			'cache-control': 'public, max-age=86400',
			'content-length': String(card.bytes.byteLength)
		}
	});
};
