import { describe, expect, test } from 'vitest';
import {
	dataCodewords,
	qrModules,
	reedSolomon
} from '../../src/routes/(visitor)/[[lang=lang]]/plan/qr';

// The share link's QR code is made on the phone. (Checked once by decoding its output with zbar
// at versions 1 to 30 and both levels; these tests pin the parts a decoder depends on.)

describe('the QR code of a share link', () => {
	test('error correction matches the standard’s worked example (HELLO WORLD, 1-M)', () => {
		const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
		expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
	});

	test('holds as many bytes per version as the standard’s tables say', () => {
		expect(dataCodewords(1, 'L')).toBe(19);
		expect(dataCodewords(1, 'M')).toBe(16);
		expect(dataCodewords(10, 'M')).toBe(216);
		expect(dataCodewords(15, 'L')).toBe(523);
		expect(dataCodewords(40, 'L')).toBe(2956);
		expect(dataCodewords(40, 'M')).toBe(2334);
	});

	test('picks the smallest version that fits and draws the three finder patterns', () => {
		const short = qrModules('HELLO WORLD', 'M');
		expect(short).toHaveLength(21);
		const link = qrModules(`https://guide.example.cn/plan/shared#${'A'.repeat(300)}`, 'M');
		expect(link.length).toBeGreaterThan(21);
		expect((link.length - 17) % 4).toBe(0);
		const n = link.length;
		for (const [x, y] of [
			[0, 0],
			[n - 7, 0],
			[0, n - 7]
		]) {
			// A 7×7 dark ring, a light ring, a 3×3 dark centre.
			expect(link[y][x]).toBe(true);
			expect(link[y + 6][x + 6]).toBe(true);
			expect(link[y + 1][x + 1]).toBe(false);
			expect(link[y + 3][x + 3]).toBe(true);
		}
	});

	test('writes the same format information in both places, for the level asked', () => {
		for (const ecc of ['L', 'M'] as const) {
			const q = qrModules('https://guide.example.cn/plan/shared#abc', ecc);
			const n = q.length;
			const bit = (dark: boolean) => (dark ? 1 : 0);
			const first = [0, 1, 2, 3, 4, 5, 7, 8].map((y) => bit(q[y][8]));
			const second = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => bit(q[8][n - 1 - i]));
			expect(first).toEqual(second);
			// Bits 13–14 hold the level (after the 0x5412 mask): L = 01, M = 00.
			const b14 = bit(q[8][0]) ^ 1;
			const b13 = bit(q[8][1]) ^ 0;
			expect([b14, b13]).toEqual(ecc === 'L' ? [0, 1] : [0, 0]);
		}
	});
});
