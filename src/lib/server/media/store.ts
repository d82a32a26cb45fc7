/**
 * Where processed photos are kept. Every photo rendition is stored under a key made from the
 * hash of the uploaded file and the rendition's width (`0123456789abcdef0123-960.webp`), so a
 * key's bytes never change once written: stores may cache, replicate or serve them forever, and
 * writing a key that already exists may be skipped.
 *
 * Implementations: `directory-store.ts` (the directory beside the database, the default) and
 * `s3-store.ts` (an S3-compatible bucket, when MEDIA_S3_BUCKET is set, for app servers on several
 * machines); `index.ts` picks one from the configuration. Each must:
 * - accept only keys for which `isMediaKey` is true and refuse any other with a MediaKeyError
 *   (`get` and `exists` answer undefined / false instead, so a crafted URL is just "not found");
 * - make `put` atomic: a reader sees either no object or the whole of it;
 * - answer `get` with undefined and `exists` with false when the key is absent, but let any other
 *   failure (an unreachable service, refused credentials) propagate as an error.
 * `tests/helpers/media-store-contract.ts` holds these rules as tests; every store runs them.
 * The route that serves `/media/<key>` and the upload path go through this interface only.
 */
export interface MediaStore {
	/** Stores `bytes` under `key`, replacing nothing that differs (keys are content hashes). */
	put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
	/** The stored bytes, or undefined when there is no such key. */
	get(key: string): Promise<MediaObject | undefined>;
	/** Whether the key is stored (lets an upload of a known photo skip re-encoding). */
	exists(key: string): Promise<boolean>;
}

export interface MediaObject {
	bytes: Uint8Array;
	contentType: string;
}

export class MediaKeyError extends Error {}

/**
 * A stored key: a photo rendition (20 hex digits of the content hash, the width, `.webp`), a
 * share card (`card-`, 20 hex digits, its size, `.jpg`: share crawlers want JPEG) or a narration
 * recording (20 hex digits and its container's extension). Nothing else.
 */
export function isMediaKey(key: string): boolean {
	return /^(?:[a-f0-9]{20}-\d{2,4}\.webp|card-[a-f0-9]{20}-\d{3,4}x\d{3,4}\.jpg|[a-f0-9]{20}\.(?:mp3|aac|m4a|ogg|webm))$/.test(
		key
	);
}

const contentTypes: Record<string, string> = {
	webp: 'image/webp',
	jpg: 'image/jpeg',
	mp3: 'audio/mpeg',
	aac: 'audio/aac',
	m4a: 'audio/mp4',
	ogg: 'audio/ogg',
	webm: 'audio/webm'
};

/** The content type a key is served with. */
export function contentTypeOf(key: string): string {
	return contentTypes[key.split('.').pop() ?? ''] ?? 'application/octet-stream';
}
