import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processImage } from '$lib/server/media/images';
import { MediaKeyError, type MediaStore } from '$lib/server/media/store';

export interface OpenedMediaStore {
	store: MediaStore;
	close: () => Promise<void>;
}

export const sampleKey = 'abcdef0123456789abcd-480.webp';

/**
 * The rules every photo store keeps (see src/lib/server/media/store.ts), declared once and run
 * against each implementation, so a new store cannot quietly differ from the directory one.
 * `open` gives an empty store each test.
 */
export function describeMediaStoreContract(name: string, open: () => Promise<OpenedMediaStore>) {
	describe(name, () => {
		let opened: OpenedMediaStore;
		beforeEach(async () => {
			opened = await open();
		});
		afterEach(() => opened.close());

		it('gives back what was put under a key, and nothing for an unknown key', async () => {
			const { store } = opened;
			expect(await store.exists(sampleKey)).toBe(false);
			expect(await store.get(sampleKey)).toBeUndefined();
			await store.put(sampleKey, new Uint8Array([1, 2, 3]), 'image/webp');
			expect(await store.exists(sampleKey)).toBe(true);
			const object = await store.get(sampleKey);
			expect(object?.contentType).toBe('image/webp');
			expect([...object!.bytes]).toEqual([1, 2, 3]);
			expect(await store.get('0123456789abcdef0123-480.webp')).toBeUndefined();
		});

		it('answers a crafted name with nothing and refuses to write under one', async () => {
			const { store } = opened;
			for (const key of ['../../etc/passwd', 'secret.txt', `${sampleKey}/x`, `../${sampleKey}`]) {
				expect(await store.get(key)).toBeUndefined();
				expect(await store.exists(key)).toBe(false);
			}
			await expect(
				store.put('../escape-480.webp', new Uint8Array(1), 'image/webp')
			).rejects.toThrow(MediaKeyError);
			await expect(store.put('index.html', new Uint8Array(1), 'text/html')).rejects.toThrow(
				MediaKeyError
			);
		});

		it('keeps every rendition of an uploaded photo, and skips encoding it twice', async () => {
			const { store } = opened;
			const png = await sharp({
				create: { width: 700, height: 500, channels: 3, background: '#2a9d8f' }
			})
				.png()
				.toBuffer();
			const image = await processImage(png, store);
			expect(image.widths).toEqual([480, 700]);
			for (const width of image.widths) {
				const rendition = await store.get(`${image.src.slice('/media/'.length)}-${width}.webp`);
				expect(rendition?.contentType).toBe('image/webp');
				expect(await sharp(rendition!.bytes).metadata()).toMatchObject({ format: 'webp', width });
			}
			const puts: string[] = [];
			const counting: MediaStore = {
				...store,
				put: (key, bytes, type) => (puts.push(key), store.put(key, bytes, type))
			};
			await expect(processImage(png, counting)).resolves.toEqual(image);
			expect(puts).toEqual([]);
		});
	});
}
