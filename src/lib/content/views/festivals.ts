import { pick, type Language } from '../localized';
import type { Festival } from '../schemas';
import type { Snapshot } from '../snapshot';
import { festivalCard, type FestivalCard } from './cards';
import type { ViewContext, ViewParams } from './context';

export interface HeroImage {
	src: string;
	alt: string;
	width: number;
	height: number;
	widths: number[];
}

export function heroOf(festival: Festival, lang: Language): HeroImage | undefined {
	const image = festival.heroImage;
	return image && { ...image, alt: pick(image.alt, lang) };
}

export interface FestivalListCard extends FestivalCard {
	hero?: HeroImage;
}

/** Festivals: those running today, then upcoming (soonest first), then past (latest first). */
export function festivalsView(snap: Snapshot, _params: ViewParams, { lang, now }: ViewContext) {
	const today = now.slice(0, 10);
	const cards = snap.festivals
		.filter((f) => f.status === 'published')
		.sort((a, b) => a.startDate.localeCompare(b.startDate) || a.slug.localeCompare(b.slug))
		.map((f): FestivalListCard => ({ ...festivalCard(f, today, lang), hero: heroOf(f, lang) }));
	return {
		current: cards.filter((f) => f.running),
		upcoming: cards.filter((f) => f.startDate > today),
		past: cards.filter((f) => f.endDate < today).reverse()
	};
}

export type FestivalsView = ReturnType<typeof festivalsView>;
