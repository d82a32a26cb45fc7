/**
 * A photo's stand-in from a downloaded tour: the page may ask offline for a width the download
 * did not keep (the screen turned, a window resized), and another rendition of the same photo is
 * better than none. No workbox here, so it is tested in Node.
 */
/** Renditions are named `<hash>-<width>.webp` (src/lib/server/media/store.ts). */
const rendition = /^(\/media\/[^/]+)-(\d+)\.webp$/;

/** The widest stored rendition of the photo `url` is one rendition of, if any is stored. */
export async function storedRendition(
	cache: Pick<Cache, 'keys' | 'match'>,
	url: string
): Promise<Response | undefined> {
	const wanted = rendition.exec(new URL(url).pathname);
	if (!wanted) return undefined;
	let best: { request: Request; width: number } | undefined;
	for (const request of await cache.keys()) {
		const found = rendition.exec(new URL(request.url).pathname);
		if (found?.[1] !== wanted[1]) continue;
		const width = Number(found[2]);
		if (!best || width > best.width) best = { request, width };
	}
	return best && cache.match(best.request.url);
}
