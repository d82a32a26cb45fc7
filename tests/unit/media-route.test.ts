import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { processImage } from '$lib/server/media/images';
import { s3Store } from '$lib/server/media/s3-store';
import { GET } from '../../src/routes/media/[file]/+server';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

const request = (file: string) =>
	GET({ params: { file }, request: new Request('http://x/') } as unknown as Parameters<
		typeof GET
	>[0]);

/**
 * The upload path and the /media route with the bucket configured, as an app server on one of
 * several machines runs them: this process's configuration is read once, from these variables.
 */
describe('photos served from an S3-compatible bucket', () => {
	let s3: LocalS3;
	beforeAll(async () => {
		s3 = await startLocalS3();
		const env = {
			MEDIA_DIR: '',
			MEDIA_S3_BUCKET: s3.bucket,
			MEDIA_S3_REGION: 'us-east-1',
			MEDIA_S3_ENDPOINT: s3.endpoint,
			MEDIA_S3_FORCE_PATH_STYLE: 'true',
			MEDIA_S3_ACCESS_KEY_ID: s3.options.credentials!.accessKeyId,
			MEDIA_S3_SECRET_ACCESS_KEY: s3.options.credentials!.secretAccessKey
		};
		for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
	});
	afterAll(async () => {
		vi.unstubAllEnvs();
		await s3.close();
	});

	it('are uploaded into the bucket and served from /media with immutable caching', async () => {
		const png = await sharp({
			create: { width: 640, height: 480, channels: 3, background: '#c8102e' }
		})
			.png()
			.toBuffer();
		const image = await processImage(png);
		const key = `${image.src.slice('/media/'.length)}-480.webp`;
		expect(await s3Store(s3.options).exists(key)).toBe(true);

		const response = await request(key);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/webp');
		expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect(response.headers.get('content-length')).toBe(String(bytes.byteLength));
		expect(await sharp(bytes).metadata()).toMatchObject({ format: 'webp', width: 480 });
	});

	it('answer 404 for a photo the bucket does not hold or a name that is not a photo', async () => {
		for (const file of ['0123456789abcdef0123-480.webp', '..%2F.env', 'secret.txt']) {
			await expect(request(file)).rejects.toMatchObject({ status: 404 });
		}
	});
});
