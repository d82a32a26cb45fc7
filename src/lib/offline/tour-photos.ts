/**
 * Which rendition of each venue photo a downloaded tour keeps: the one the venue page will ask
 * for on this screen, so that its photos show offline as they would online. The venue page shows
 * its first photo across the page (`sizes="(min-width: 48rem) 46rem, 100vw"`) and the others two
 * to a row (`(min-width: 48rem) 23rem, 50vw`); the browser takes the narrowest rendition at least
 * that many device pixels wide. Should it ask for another one offline (a turned phone), the
 * service worker answers with the rendition stored (src/lib/sw/media.ts).
 */

export interface VenuePhotos {
	/** The photo's path without width, and the renditions made (`${src}-${width}.webp`). */
	photos: { src: string; widths: number[] }[];
}

/** The screen a download is planned for: CSS pixels across, and device pixels per CSS pixel. */
export interface Screen {
	width: number;
	dpr: number;
}

/** The page's column is 46rem (736 px) wide at most; two gallery photos share it. */
const heroCssPx = 736;
const galleryCssPx = 368;

/** The narrowest rendition at least `px` wide, else the widest (what srcset with `w` picks). */
export function renditionFor(widths: readonly number[], px: number): number | undefined {
	const sorted = [...widths].sort((a, b) => a - b);
	return sorted.find((w) => w >= px) ?? sorted.at(-1);
}

/** The photo URLs the venue page asks for on this screen, the first photo's first. */
export function venuePhotoUrls(venue: VenuePhotos, screen: Screen): string[] {
	return venue.photos.flatMap((photo, i) => {
		const css =
			i === 0 ? Math.min(screen.width, heroCssPx) : Math.min(screen.width / 2, galleryCssPx);
		const width = renditionFor(photo.widths, Math.ceil(css * screen.dpr));
		return width === undefined ? [] : [`${photo.src}-${width}.webp`];
	});
}

/**
 * A WebP photo's bytes before it is downloaded, from its width: about 0.15 bytes a pixel at the
 * quality the server encodes, for a 3:2 photo (a 480 px rendition is about 23 kB).
 */
export function photoEstimate(url: string): number {
	const width = Number(/-(\d+)\.webp$/.exec(url)?.[1] ?? 480);
	return Math.round(width * width * (2 / 3) * 0.15);
}
