import { mkdirSync } from 'node:fs';
import { access, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { contentTypeOf, isMediaKey, MediaKeyError, type MediaStore } from './store';

/** A file that is not there; any other failure (permissions, a full disk) is an error. */
const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Photos as files in one directory, one file per key. Writes go to a temporary name first and
 * are renamed into place, so the /media route never serves half a file.
 */
export function directoryStore(directory: string): MediaStore {
	let made = false;
	const pathOf = (key: string) => join(directory, key);
	return {
		async put(key, bytes) {
			if (!isMediaKey(key)) throw new MediaKeyError(`not a media key: ${key}`);
			if (!made) {
				mkdirSync(directory, { recursive: true });
				made = true;
			}
			const temporary = pathOf(`.${key}.${randomBytes(6).toString('hex')}.part`);
			await writeFile(temporary, bytes);
			await rename(temporary, pathOf(key));
		},
		async get(key) {
			if (!isMediaKey(key)) return undefined;
			try {
				return { bytes: await readFile(pathOf(key)), contentType: contentTypeOf(key) };
			} catch (error) {
				if (isMissing(error)) return undefined;
				throw error;
			}
		},
		async exists(key) {
			if (!isMediaKey(key)) return false;
			try {
				await access(pathOf(key));
				return true;
			} catch (error) {
				if (isMissing(error)) return false;
				throw error;
			}
		}
	};
}
