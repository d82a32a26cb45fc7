import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import type { S3StoreOptions } from '$lib/server/media/s3-store';

/**
 * s3rver's one account. It knows no other access key id and refuses requests signed with one;
 * it does not recompute SigV4 signatures, so a wrong secret with this key id is not noticed.
 */
export const s3rverCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface LocalS3 {
	endpoint: string;
	bucket: string;
	/** Options for s3Store, as MEDIA_S3_* would give them for this server. */
	options: S3StoreOptions;
	close: () => Promise<void>;
}

/**
 * A local S3-compatible server in this process, on 127.0.0.1 at a free port, keeping objects in a
 * temporary directory that closing removes. No test reaches a real bucket or the internet.
 */
export async function startLocalS3(bucket = 'taibai-photos'): Promise<LocalS3> {
	const directory = mkdtempSync(join(tmpdir(), 'taibai-s3-'));
	const server = new S3rver({
		address: '127.0.0.1',
		port: 0,
		silent: true,
		directory,
		configureBuckets: [{ name: bucket }]
	});
	const { port } = await server.run();
	const endpoint = `http://127.0.0.1:${port}`;
	return {
		endpoint,
		bucket,
		options: {
			bucket,
			region: 'us-east-1',
			endpoint,
			forcePathStyle: true,
			credentials: s3rverCredentials
		},
		close: async () => {
			await server.close();
			rmSync(directory, { recursive: true, force: true });
		}
	};
}
