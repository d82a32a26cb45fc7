import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

export type Encoding = 'br' | 'gzip' | 'identity';

/** A response body prepared once in every encoding, so hot responses cost a lookup, not a compress. */
export interface EncodedBody {
	identity: Buffer;
	gzip: Buffer;
	br: Buffer;
}

export function encodeBody(text: string): EncodedBody {
	const identity = Buffer.from(text);
	return {
		identity,
		gzip: gzipSync(identity, { level: 9 }),
		// Quality 9 compresses within a few per cent of 11 at a fraction of the time.
		br: brotliCompressSync(identity, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: 9,
				[constants.BROTLI_PARAM_SIZE_HINT]: identity.length
			}
		})
	};
}

// Browsers send a handful of distinct Accept-Encoding values: each is parsed once.
const negotiated = new Map<string, Encoding>();

/** The best encoding the client accepts (brotli, then gzip), honouring q=0 refusals. */
export function negotiateEncoding(acceptEncoding: string | null): Encoding {
	if (!acceptEncoding) return 'identity';
	let encoding = negotiated.get(acceptEncoding);
	if (encoding === undefined) {
		encoding = parseAcceptEncoding(acceptEncoding);
		// Bounded: a client inventing values gets them parsed each time, never kept.
		if (negotiated.size < 64) negotiated.set(acceptEncoding, encoding);
	}
	return encoding;
}

function parseAcceptEncoding(acceptEncoding: string): Encoding {
	const accepted = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
		accepted.set(name, q ? Number(q.slice(2)) : 1);
	}
	const allows = (name: string) => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
	if (allows('br')) return 'br';
	if (allows('gzip')) return 'gzip';
	return 'identity';
}

/** A small LRU: feed bodies depend only on (revision, since), so a few entries serve almost all. */
export class Lru<V> {
	private readonly entries = new Map<string, V>();
	constructor(private readonly max: number) {}
	get(key: string): V | undefined {
		const value = this.entries.get(key);
		if (value !== undefined) {
			this.entries.delete(key);
			this.entries.set(key, value);
		}
		return value;
	}
	set(key: string, value: V): void {
		this.entries.delete(key);
		this.entries.set(key, value);
		if (this.entries.size > this.max)
			this.entries.delete(this.entries.keys().next().value as string);
	}
}

/** One LRU per owner object (a store), so two stores in one process never share entries. */
export function lruPerOwner<V>(max: number): (owner: object) => Lru<V> {
	const caches = new WeakMap<object, Lru<V>>();
	return (owner) => {
		let cache = caches.get(owner);
		if (!cache) caches.set(owner, (cache = new Lru<V>(max)));
		return cache;
	};
}
