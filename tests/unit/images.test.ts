import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { directoryStore } from '$lib/server/media/directory-store';
import { ImageError, maxImageBytes, processImage, sniffImage } from '$lib/server/media/images';
import type { MediaStore } from '$lib/server/media/store';

let dir: string;
let store: MediaStore;
const readRendition = async (key: string) => (await store.get(key))?.bytes;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taibai-images-'));
	store = directoryStore(dir);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A camera photo: 1200×800 stored sideways (EXIF orientation 6), with a GPS position. */
async function cameraJpeg(): Promise<Buffer> {
	return sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c8102e' } })
		.jpeg()
		.withExif({
			IFD0: { Make: 'TestCam', Model: 'Lakeside 1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '35/1 21/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '116/1 36/1 0/1'
			}
		})
		.withMetadata({ orientation: 6 })
		.toBuffer();
}

describe('uploaded images', () => {
	it('are turned upright and written as WebP at a few widths with no metadata left', async () => {
		const original = await cameraJpeg();
		const before = await sharp(original).metadata();
		expect(before.exif).toBeDefined();
		expect(before.orientation).toBe(6);

		const image = await processImage(original, store);
		// Sideways 1200×800 is an upright 800×1200 picture.
		expect(image).toMatchObject({ width: 800, height: 1200, widths: [480, 800] });
		expect(image.src).toMatch(/^\/media\/[a-f0-9]{20}$/);
		expect(readdirSync(dir).sort()).toEqual(
			image.widths.map((w) => `${image.src.slice(7)}-${w}.webp`).sort()
		);
		for (const w of image.widths) {
			const file = await readRendition(`${image.src.slice(7)}-${w}.webp`);
			const meta = await sharp(file).metadata();
			expect(meta).toMatchObject({ format: 'webp', width: w });
			expect(meta.exif).toBeUndefined();
			expect(meta.orientation).toBeUndefined();
			expect(meta.height).toBeGreaterThan(meta.width!);
		}
	});

	it('are recognised by their content, not their name', async () => {
		const png = await sharp({
			create: { width: 300, height: 200, channels: 4, background: '#0f5e8c' }
		})
			.png()
			.toBuffer();
		expect(sniffImage(png)).toBe('png');
		await expect(processImage(png, store)).resolves.toMatchObject({ widths: [300] });
		const text = Buffer.from('GIF89a or a script pretending to be a photo.jpg');
		await expect(processImage(text, store)).rejects.toThrow(ImageError);
		// The right magic bytes with garbage after them are not an image either.
		const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100, 7)]);
		await expect(processImage(fake, store)).rejects.toThrow('not an image');
	});

	// Found by the reliability bench: a 1×1 PNG made a rendition named `…-1.webp`, which the media
	// store refuses, and the upload answered 500.
	it('are refused as too small below 64 pixels a side, with nothing stored', async () => {
		for (const [width, height] of [
			[1, 1],
			[9, 300],
			[300, 63]
		]) {
			const tiny = await sharp({ create: { width, height, channels: 3, background: '#fff' } })
				.png()
				.toBuffer();
			await expect(processImage(tiny, store)).rejects.toThrow('too small');
		}
		expect(readdirSync(dir)).toEqual([]);
		const smallest = await sharp({
			create: { width: 64, height: 64, channels: 3, background: '#fff' }
		})
			.png()
			.toBuffer();
		await expect(processImage(smallest, store)).resolves.toMatchObject({ widths: [64] });
	});

	it('are refused above 10 MB before anything is decoded', async () => {
		const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(maxImageBytes)]);
		await expect(processImage(big, store)).rejects.toThrow('too large');
	});

	it('are encoded once when the same photo is uploaded again', async () => {
		const png = await sharp({
			create: { width: 600, height: 400, channels: 3, background: '#2a9d8f' }
		})
			.png()
			.toBuffer();
		const puts: string[] = [];
		const counting: MediaStore = {
			...store,
			put: (key, bytes, type) => (puts.push(key), store.put(key, bytes, type))
		};
		const first = await processImage(png, counting);
		expect(puts).toHaveLength(2);
		await expect(processImage(png, counting)).resolves.toEqual(first);
		expect(puts).toHaveLength(2);
	});
});
