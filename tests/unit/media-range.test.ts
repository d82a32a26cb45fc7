import { describe, expect, it, vi } from 'vitest';
import { byteRange } from '$lib/server/http/byte-range';
import { directoryStore } from '$lib/server/media/directory-store';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('byte ranges of a recording', () => {
	it('reads the three forms a player sends and clamps the end to the file', () => {
		expect(byteRange('bytes=0-', 1000)).toEqual({ start: 0, end: 999 });
		expect(byteRange('bytes=100-199', 1000)).toEqual({ start: 100, end: 199 });
		expect(byteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
		expect(byteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
	});

	it('answers unsatisfiable past the end and serves the whole file for anything it does not read', () => {
		expect(byteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
		expect(byteRange('bytes=5-2', 1000)).toBe('unsatisfiable');
		expect(byteRange('bytes=-0', 1000)).toBe('unsatisfiable');
		for (const header of [null, '', 'bytes=0-1,5-6', 'items=0-1', 'bytes=-', 'bytes=a-b']) {
			expect(byteRange(header, 1000)).toBeUndefined();
		}
	});
});

describe('a recording served from /media', () => {
	it('answers a range with 206 and the bytes asked for, and past the end with 416', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'taibai-range-'));
		vi.stubEnv('MEDIA_DIR', dir);
		vi.resetModules();
		const { GET } = await import('../../src/routes/media/[file]/+server');
		const key = '0123456789abcdef0123.mp3';
		await directoryStore(dir).put(
			key,
			Uint8Array.from({ length: 1000 }, (_, i) => i & 0xff),
			'audio/mpeg'
		);
		const get = (range?: string) =>
			GET({
				params: { file: key },
				request: new Request('http://x/', { headers: range ? { range } : {} })
			} as unknown as Parameters<typeof GET>[0]);

		const whole = await get();
		expect(whole.status).toBe(200);
		expect(whole.headers.get('accept-ranges')).toBe('bytes');
		expect(whole.headers.get('content-type')).toBe('audio/mpeg');

		const part = await get('bytes=256-259');
		expect(part.status).toBe(206);
		expect(part.headers.get('content-range')).toBe('bytes 256-259/1000');
		expect([...new Uint8Array(await part.arrayBuffer())]).toEqual([0, 1, 2, 3]);

		const past = await get('bytes=2000-');
		expect(past.status).toBe(416);
		expect(past.headers.get('content-range')).toBe('bytes */1000');
		vi.unstubAllEnvs();
	});
});
