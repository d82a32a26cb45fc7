import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { config, type Config } from '../config';
import { sqlitePath } from '../db/connect';
import { dialectOfUrl } from '../db/dialect';
import { directoryStore } from './directory-store';
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

let current: MediaStore | undefined;

/** The photo store of this process (see store.ts for the contract every store keeps). */
export function mediaStore(): MediaStore {
	current ??= directoryStore(mediaDirectory());
	return current;
}
