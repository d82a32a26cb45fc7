import { createHash } from 'node:crypto';
import sharp, { type Metadata } from 'sharp';
import { mediaStore } from './index';
import type { MediaStore } from './store';

/** Uploads larger than this are refused before decoding. */
export const maxImageBytes = 10 * 1024 * 1024;
/**
 * Smaller than this on either side is not a photo of a place (an icon, a tracking pixel, a mistake),
 * and would make rendition names the media store refuses.
 */
export const minImageSide = 64;
/** Renditions made of every photo; none wider than the original. */
export const imageWidths = [480, 960, 1600] as const;

export class ImageError extends Error {}

/** The format by the file's first bytes, never by its name or the browser's claim. */
export function sniffImage(bytes: Uint8Array): 'jpeg' | 'png' | 'webp' | undefined {
	const at = (i: number, ...values: number[]) => values.every((v, j) => bytes[i + j] === v);
	if (at(0, 0xff, 0xd8, 0xff)) return 'jpeg';
	if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
	if (at(0, 0x52, 0x49, 0x46, 0x46) && at(8, 0x57, 0x45, 0x42, 0x50)) return 'webp';
	return undefined;
}

export interface ProcessedImage {
	/** Path without width: renditions are `${src}-${width}.webp`. */
	src: string;
	width: number;
	height: number;
	widths: number[];
}

/**
 * Checks an upload by its content, then writes WebP renditions at a few widths. The picture is
 * turned upright by its EXIF orientation first; no metadata is copied into the renditions, so
 * camera details and GPS positions never reach visitors. Files are named by the content's hash:
 * a changed photo is a new URL, so each URL can be cached forever, and a photo uploaded twice
 * is encoded once.
 */
export async function processImage(
	bytes: Uint8Array,
	store: MediaStore = mediaStore()
): Promise<ProcessedImage> {
	if (bytes.byteLength > maxImageBytes) throw new ImageError('too large');
	const sniffed = sniffImage(bytes);
	if (!sniffed) throw new ImageError('not an image');
	let meta: Metadata;
	try {
		meta = await sharp(bytes, { limitInputPixels: 60_000_000 }).metadata();
	} catch {
		throw new ImageError('not an image');
	}
	if (meta.format !== sniffed || !meta.width || !meta.height) throw new ImageError('not an image');
	const turned = (meta.orientation ?? 1) >= 5;
	const width = turned ? meta.height : meta.width;
	const height = turned ? meta.width : meta.height;
	if (width < minImageSide || height < minImageSide) throw new ImageError('too small');
	const key = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
	const widths: number[] = imageWidths.filter((w) => w < width);
	if (widths.length < imageWidths.length) widths.push(Math.min(width, imageWidths.at(-1)!));
	for (const w of widths) {
		const name = `${key}-${w}.webp`;
		if (await store.exists(name)) continue;
		const output = await sharp(bytes, { limitInputPixels: 60_000_000 })
			.rotate()
			.resize({ width: w, withoutEnlargement: true })
			.webp({ quality: 80 })
			.toBuffer();
		await store.put(name, output, 'image/webp');
	}
	return {
		src: `/media/${key}`,
		width: widths.at(-1)!,
		height: Math.round((height * widths.at(-1)!) / width),
		widths
	};
}
