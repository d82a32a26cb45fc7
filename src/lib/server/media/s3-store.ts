import {
	GetObjectCommand,
	HeadObjectCommand,
	PutObjectCommand,
	S3Client,
	S3ServiceException
} from '@aws-sdk/client-s3';
import { contentTypeOf, isMediaKey, MediaKeyError, type MediaStore } from './store';

export interface S3StoreOptions {
	bucket: string;
	region: string;
	/** The service's address; absent for AWS itself. */
	endpoint?: string;
	/** Bucket in the path rather than the host name (MinIO and most self-hosted services). */
	forcePathStyle: boolean;
	/** Absent: the SDK's default chain (AWS_* variables, shared files, an instance role). */
	credentials?: { accessKeyId: string; secretAccessKey: string };
}

/**
 * Stored with every object: a key's bytes never change (see store.ts), so whatever serves the
 * bucket directly (a CDN in front of it) may keep them as long as the /media route lets browsers.
 */
const cacheControl = 'public, max-age=31536000, immutable';

/**
 * "No such key", as opposed to a failure. GET names it NoSuchKey; HEAD has no body, so a 404 is all
 * it says. A missing bucket is also a 404 but a misconfiguration: on GET it stays an error, so the
 * operator sees it rather than a site whose photos are all "not found".
 */
function isAbsent(error: unknown): boolean {
	return (
		error instanceof S3ServiceException &&
		error.$metadata.httpStatusCode === 404 &&
		error.name !== 'NoSuchBucket'
	);
}

/**
 * Photos in an S3-compatible bucket, for app servers on several machines. A PUT is atomic in S3
 * (an object appears whole once the request completes, or not at all), so no temporary name is
 * needed as in the directory store. Any error other than "absent" propagates: wrong credentials or
 * an unreachable service must show up in the logs, not as missing photos.
 */
export function s3Store(options: S3StoreOptions): MediaStore {
	const client = new S3Client({
		region: options.region,
		endpoint: options.endpoint,
		forcePathStyle: options.forcePathStyle,
		credentials: options.credentials,
		// The SDK sends CRC32 checksum headers with every upload by default; several S3-compatible
		// services (older MinIO, OSS, COS) refuse or mishandle them. Send them only when an
		// operation requires one (none of ours does).
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED'
	});
	const Bucket = options.bucket;
	return {
		async put(key, bytes, contentType) {
			if (!isMediaKey(key)) throw new MediaKeyError(`not a media key: ${key}`);
			await client.send(
				new PutObjectCommand({
					Bucket,
					Key: key,
					Body: bytes,
					ContentType: contentType,
					CacheControl: cacheControl
				})
			);
		},
		async get(key) {
			if (!isMediaKey(key)) return undefined;
			try {
				const object = await client.send(new GetObjectCommand({ Bucket, Key: key }));
				// The SDK types every body as optional; a successful GET always has one.
				if (!object.Body) throw new Error(`the bucket answered ${key} without a body`);
				return {
					bytes: await object.Body.transformToByteArray(),
					contentType: object.ContentType ?? contentTypeOf(key)
				};
			} catch (error) {
				if (isAbsent(error)) return undefined;
				throw error;
			}
		},
		async exists(key) {
			if (!isMediaKey(key)) return false;
			try {
				await client.send(new HeadObjectCommand({ Bucket, Key: key }));
				return true;
			} catch (error) {
				if (isAbsent(error)) return false;
				throw error;
			}
		}
	};
}
