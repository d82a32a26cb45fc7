import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '$lib/server/config';
import { mediaDirectory, mediaStoreFor } from '$lib/server/media';
import { directoryStore } from '$lib/server/media/directory-store';
import { s3Store } from '$lib/server/media/s3-store';
import { describeMediaStoreContract, sampleKey } from '../helpers/media-store-contract';
import { startLocalS3, type LocalS3 } from '../helpers/s3-server';

describeMediaStoreContract('the directory photo store', async () => {
	const dir = mkdtempSync(join(tmpdir(), 'taibai-media-'));
	return { store: directoryStore(dir), close: async () => rmSync(dir, { recursive: true }) };
});

describeMediaStoreContract('the S3 photo store', async () => {
	const s3 = await startLocalS3();
	return { store: s3Store(s3.options), close: s3.close };
});

describe('the directory photo store on disk', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(join(tmpdir(), 'taibai-media-'));
	});
	afterEach(() => rmSync(dir, { recursive: true, force: true }));

	it('leaves only the finished file, not the temporary name it wrote first', async () => {
		await directoryStore(dir).put(sampleKey, new Uint8Array([1, 2, 3]), 'image/webp');
		expect(readdirSync(dir)).toEqual([sampleKey]);
	});

	it('does not serve other files that happen to be in its directory', async () => {
		writeFileSync(join(dir, 'secret.txt'), 'not a photo');
		expect(await directoryStore(dir).get('secret.txt')).toBeUndefined();
		expect(await directoryStore(dir).exists('secret.txt')).toBe(false);
	});

	it('lives beside the database unless MEDIA_DIR says where', () => {
		expect(mediaDirectory(loadConfig({ DATABASE_URL: 'file:/srv/taibai/db.sqlite' }))).toBe(
			'/srv/taibai/media'
		);
		expect(
			mediaDirectory(loadConfig({ DATABASE_URL: 'file:/srv/db.sqlite', MEDIA_DIR: '/var/photos' }))
		).toBe('/var/photos');
		expect(mediaDirectory(loadConfig({ DATABASE_URL: 'postgres://db.internal/taibai' }))).toBe(
			'data/media'
		);
	});
});

describe('the S3 photo store against a local S3 server', () => {
	let s3: LocalS3;
	beforeEach(async () => {
		s3 = await startLocalS3();
	});
	afterEach(() => s3.close());

	it('stores each photo with its content type and a long immutable cache lifetime', async () => {
		await s3Store(s3.options).put(sampleKey, new Uint8Array([1, 2, 3]), 'image/webp');
		const client = new S3Client({ ...s3.options, region: 'us-east-1' });
		const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: sampleKey }));
		expect(head.ContentType).toBe('image/webp');
		expect(head.CacheControl).toBe('public, max-age=31536000, immutable');
		expect(head.ContentLength).toBe(3);
	});

	it('reports refused credentials as an error, not as a missing photo', async () => {
		await s3Store(s3.options).put(sampleKey, new Uint8Array([1]), 'image/webp');
		// s3rver refuses an access key id it does not know (it does not check SigV4 signatures).
		const stranger = s3Store({
			...s3.options,
			credentials: { accessKeyId: 'NOT-A-KEY', secretAccessKey: 'wrong' }
		});
		await expect(stranger.get(sampleKey)).rejects.toThrow(/Access Key Id/);
		await expect(stranger.get('0123456789abcdef0123-480.webp')).rejects.toThrow(/Access Key Id/);
		await expect(stranger.exists(sampleKey)).rejects.toMatchObject({
			$metadata: { httpStatusCode: 403 }
		});
		await expect(stranger.put(sampleKey, new Uint8Array([2]), 'image/webp')).rejects.toThrow(
			/Access Key Id/
		);
	});

	it('reports a bucket that does not exist as an error, not as a missing photo', async () => {
		const lost = s3Store({ ...s3.options, bucket: 'no-such-bucket' });
		await expect(lost.get(sampleKey)).rejects.toThrow(/bucket does not exist/);
		await expect(lost.put(sampleKey, new Uint8Array([1]), 'image/webp')).rejects.toThrow(
			/bucket does not exist/
		);
	});

	it('is the store the configuration picks when MEDIA_S3_BUCKET is set', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'taibai-media-'));
		try {
			const store = mediaStoreFor(
				loadConfig({
					DATABASE_URL: `file:${join(dir, 'taibai.sqlite')}`,
					MEDIA_S3_BUCKET: s3.bucket,
					MEDIA_S3_REGION: 'us-east-1',
					MEDIA_S3_ENDPOINT: s3.endpoint,
					MEDIA_S3_FORCE_PATH_STYLE: 'true',
					MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
					MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER'
				})
			);
			await store.put(sampleKey, new Uint8Array([4, 5]), 'image/webp');
			expect([...(await s3Store(s3.options).get(sampleKey))!.bytes]).toEqual([4, 5]);
			// Nothing went to the directory the same database would use without a bucket.
			expect(existsSync(join(dir, 'media'))).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
