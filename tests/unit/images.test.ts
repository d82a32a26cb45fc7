import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	ImageError,
	maxImageBytes,
	processImage,
	readRendition,
	sniffImage
} from '$lib/server/media/images';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'taibai-images-'));
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

		const image = await processImage(original, dir);
		// Sideways 1200×800 is an upright 800×1200 picture.
		expect(image).toMatchObject({ width: 800, height: 1200, widths: [480, 800] });
		expect(image.src).toMatch(/^\/media\/[a-f0-9]{20}$/);
		expect(readdirSync(dir).sort()).toEqual(
			image.widths.map((w) => `${image.src.slice(7)}-${w}.webp`).sort()
		);
		for (const w of image.widths) {
			const file = await readRendition(`${image.src.slice(7)}-${w}.webp`, dir);
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
		await expect(processImage(png, dir)).resolves.toMatchObject({ widths: [300] });
		const text = Buffer.from('GIF89a or a script pretending to be a photo.jpg');
		await expect(processImage(text, dir)).rejects.toThrow(ImageError);
		// The right magic bytes with garbage after them are not an image either.
		const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(100, 7)]);
		await expect(processImage(fake, dir)).rejects.toThrow('not an image');
	});

	it('are refused above 10 MB before anything is decoded', async () => {
		const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(maxImageBytes)]);
		await expect(processImage(big, dir)).rejects.toThrow('too large');
	});

	it('are served only by their exact rendition names', async () => {
		expect(await readRendition('../../etc/passwd', dir)).toBeUndefined();
		expect(await readRendition('0123456789abcdef0123-480.webp', dir)).toBeUndefined();
	});
});
