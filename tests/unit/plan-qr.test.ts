import { execFileSync } from 'node:child_process';
import sharp from 'sharp';
import { describe, expect, test } from 'vitest';
import { qrDrawing } from '../../src/lib/components/ui/qr';

// The share link's QR code comes from the `qrcode` package; these tests prove that what the page
// draws is that link: an independent decoder (zbar, as a phone's camera app would) reads it back.

const link = (payload: string) => `https://guide.example.cn/en/plan/shared#${payload}`;

/** The drawing as the page shows it (white square, black path), rasterised and read by zbar. */
async function decode(text: string): Promise<string> {
	const { size, path } = qrDrawing(text);
	const svg =
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${size * 6}" height="${size * 6}" shape-rendering="crispEdges">` +
		`<rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
	const png = await sharp(Buffer.from(svg)).png().toBuffer();
	return execFileSync('zbarimg', ['--raw', '--quiet', '-Sqrcode.enable', '-'], {
		input: png,
		stdio: ['pipe', 'pipe', 'ignore']
	})
		.toString('utf8')
		.replace(/\n$/, '');
}

/** Dark or light module at (x, y) of the symbol, read back from the path's horizontal runs. */
function modules(text: string): boolean[][] {
	const { size, path } = qrDrawing(text);
	const grid = Array.from({ length: size - 8 }, () => Array<boolean>(size - 8).fill(false));
	for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)/g))
		for (let i = 0; i < Number(w); i++) grid[Number(y) - 4][Number(x) - 4 + i] = true;
	return grid;
}

describe('the QR code of a share link', () => {
	test('reads back as exactly the share link in a QR decoder', async () => {
		const text = link('N4IgZg9gTgtghgFwBYgFwgIwgDQgMYQA2ArkgM4CWyAyoZRQF4DqABAMoCS');
		expect(await decode(text)).toBe(text);
	});

	test('reads back a long link too, drawn at the lower error-correction level', async () => {
		const text = link('A1b2C3d4E5'.repeat(70));
		expect(text.length).toBeGreaterThan(600);
		expect(await decode(text)).toBe(text);
	});

	test('grows with the link: a longer link needs a larger symbol of a valid size', () => {
		const short = qrDrawing(link('abc'));
		const long = qrDrawing(link('x'.repeat(400)));
		expect(long.version).toBeGreaterThan(short.version);
		for (const q of [short, long]) expect(q.size).toBe(17 + 4 * q.version + 8);
	});

	test('draws the same symbol for the same link and a different one for a different link', () => {
		expect(qrDrawing(link('abc'))).toEqual(qrDrawing(link('abc')));
		expect(qrDrawing(link('abd')).path).not.toBe(qrDrawing(link('abc')).path);
	});

	test('draws the three finder patterns in the corners, inside a quiet zone', () => {
		const grid = modules(link('y'.repeat(120)));
		const n = grid.length;
		for (const [x, y] of [
			[0, 0],
			[n - 7, 0],
			[0, n - 7]
		]) {
			// A 7×7 dark ring, a light ring, a 3×3 dark centre.
			expect(grid[y][x]).toBe(true);
			expect(grid[y + 6][x + 6]).toBe(true);
			expect(grid[y + 1][x + 1]).toBe(false);
			expect(grid[y + 3][x + 3]).toBe(true);
		}
		expect(qrDrawing(link('z')).path).toMatch(/^M4 4h7v1h-7z/);
	});
});
