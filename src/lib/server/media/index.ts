import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { config, type Config } from '../config';
import { sqlitePath } from '../db/connect';
import { directoryStore } from './directory-store';
import type { MediaStore } from './store';

/**
 * MEDIA_DIR when set; otherwise `media` beside the database (`data/media` for
 * `data/taibai.sqlite`), so one backup of the data folder holds content and photos together.
 */
export function mediaDirectory(cfg: Config = config()): string {
	if (cfg.MEDIA_DIR) return cfg.MEDIA_DIR;
	const path = sqlitePath(cfg.DATABASE_URL);
	return path === ':memory:' ? join(tmpdir(), 'taibai-media') : join(dirname(path), 'media');
}

let current: MediaStore | undefined;

/** The photo store of this process (see store.ts for the contract every store keeps). */
export function mediaStore(): MediaStore {
	current ??= directoryStore(mediaDirectory());
	return current;
}
