import { formatDateRange, formatDay, formatDistance, formatDuration, formatTime } from './format';
import type { Language } from './localized';
import type { EventView } from './views/event';
import type { FestivalView } from './views/festival';
import type { TourView } from './views/tour';
import type { VenueView } from './views/venue';

/**
 * What a page's share card shows (title, when, where, or its photo), from the same view the page
 * renders, so the server drawing the card and the page naming it agree. Pure: runs on both sides.
 */
export const shareTypes = ['events', 'venues', 'tours', 'festivals'] as const;
export type ShareType = (typeof shareTypes)[number];

export interface ShareCardText {
	title: string;
	lines: string[];
	alt: string;
	/** The stored photo to crop into the card: `<hash>-<width>.webp`, its largest rendition. */
	photoKey?: string;
}

function photoKeyOf(image: { src: string; widths: number[] } | undefined): string | undefined {
	if (!image?.widths.length) return undefined;
	const name = image.src.split('/').pop();
	return name ? `${name}-${Math.max(...image.widths)}.webp` : undefined;
}

export function eventCard(view: EventView, lang: Language): ShareCardText {
	const { event, venue } = view;
	const when = `${formatDay(event.start, lang)}${event.allDay ? '' : ` ${formatTime(event.start)}`}`;
	return {
		title: event.title,
		lines: [when, ...(venue ? [venue.name] : [])],
		alt: event.image?.alt ?? `${event.title} · ${when}`,
		photoKey: photoKeyOf(event.image)
	};
}

export function venueCard(view: VenueView, _lang: Language): ShareCardText {
	const photo = view.photos[0];
	return {
		title: view.name,
		lines: [view.address],
		alt: photo?.alt ?? view.name,
		photoKey: photoKeyOf(photo)
	};
}

export function tourCard(view: TourView, lang: Language): ShareCardText {
	const { tour } = view;
	return {
		title: tour.name,
		lines: [
			tour.theme,
			`${formatDistance(tour.distanceM, lang)} · ${formatDuration(tour.durationMinutes, lang)}`
		],
		alt: `${tour.name} · ${tour.theme}`
	};
}

export function festivalCard(view: FestivalView, lang: Language): ShareCardText {
	const { festival } = view;
	const dates = formatDateRange(festival.startDate, festival.endDate, lang);
	return {
		title: festival.name,
		lines: [dates],
		alt: festival.hero?.alt ?? `${festival.name} · ${dates}`,
		photoKey: photoKeyOf(festival.hero)
	};
}

/** A short, stable fingerprint of a card (FNV-1a), so its URL changes when what it shows does. */
export function cardVersion(card: ShareCardText): string {
	let hash = 0x811c9dc5;
	for (const c of JSON.stringify(card)) {
		hash ^= c.codePointAt(0) ?? 0;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(36);
}

export interface ShareImage {
	url: string;
	type: 'image/jpeg' | 'image/png';
	width: number;
	height: number;
	alt: string;
}

/** The page's share images: the wide Open Graph card and the square one WeChat crops to. */
export function shareImages(
	origin: string,
	type: ShareType,
	slug: string,
	lang: Language,
	card: ShareCardText
): ShareImage[] {
	const query = `?lang=${lang}&v=${cardVersion(card)}`;
	const base = `${origin}/share/${type}/${encodeURIComponent(slug)}`;
	return [
		{
			url: `${base}/wide.jpg${query}`,
			type: 'image/jpeg',
			width: 1200,
			height: 630,
			alt: card.alt
		},
		{
			url: `${base}/square.jpg${query}`,
			type: 'image/jpeg',
			width: 600,
			height: 600,
			alt: card.alt
		}
	];
}
