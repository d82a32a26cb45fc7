import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { config, type Config } from '../config';
import { sqlitePath } from '../db/connect';
import { dialectOfUrl } from '../db/dialect';
import { directoryStore } from './directory-store';
import { s3Store } from './s3-store';
import type { MediaStore } from './store';

/**
 * MEDIA_DIR when set; otherwise `media` beside the SQLite file (`data/media` for
 * `data/taibai.sqlite`), so one backup of the data folder holds content and photos together.
 * With PostgreSQL there is no such folder: `data/media` under the working directory.
 */
export function mediaDirectory(cfg: Config = config()): string {
	if (cfg.MEDIA_DIR) return cfg.MEDIA_DIR;
	if (dialectOfUrl(cfg.DATABASE_URL) === 'postgres') return join('data', 'media');
	const path = sqlitePath(cfg.DATABASE_URL);
	return path === ':memory:' ? join(tmpdir(), 'taibai-media') : join(dirname(path), 'media');
}

/** The store a configuration asks for: the bucket when MEDIA_S3_BUCKET is set, else the directory. */
export function mediaStoreFor(cfg: Config): MediaStore {
	if (!cfg.MEDIA_S3_BUCKET) return directoryStore(mediaDirectory(cfg));
	// config.ts has checked that the region is there and that the keys come in pairs.
	const { MEDIA_S3_ACCESS_KEY_ID: accessKeyId, MEDIA_S3_SECRET_ACCESS_KEY: secretAccessKey } = cfg;
	return s3Store({
		bucket: cfg.MEDIA_S3_BUCKET,
		region: cfg.MEDIA_S3_REGION ?? '',
		endpoint: cfg.MEDIA_S3_ENDPOINT,
		forcePathStyle: cfg.MEDIA_S3_FORCE_PATH_STYLE === 'true',
		credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined
	});
}

let current: MediaStore | undefined;

/** The photo store of this process (see store.ts for the contract every store keeps). */
export function mediaStore(): MediaStore {
	current ??= mediaStoreFor(config());
	return current;
}
