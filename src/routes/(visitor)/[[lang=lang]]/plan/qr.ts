/**
 * A QR code (ISO/IEC 18004) for a share link, made on the phone so sharing works offline. Byte
 * mode, error correction level L or M, the smallest version that fits, the mask with the lowest
 * penalty. Structured after Project Nayuki's reference implementation (MIT licence).
 */

export type Ecc = 'L' | 'M';
const eccIndex: Record<Ecc, number> = { L: 0, M: 1 };
const formatBits: Record<Ecc, number> = { L: 1, M: 0 };

// Per version (index 0 unused): error correction codewords per block, and number of blocks.
const eccPerBlock = [
	[
		-1, 7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
		30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30
	],
	[
		-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
		28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28
	]
];
const blockCount = [
	[
		-1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13, 14,
		15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25
	],
	[
		-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
		25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49
	]
];

/** Modules that carry data (and error correction) in a version, remainder bits included. */
export function rawDataModules(version: number): number {
	let result = (16 * version + 128) * version + 64;
	if (version >= 2) {
		const align = Math.floor(version / 7) + 2;
		result -= (25 * align - 10) * align - 55;
		if (version >= 7) result -= 36;
	}
	return result;
}

/** Data codewords (bytes) a version holds at a level. */
export function dataCodewords(version: number, ecc: Ecc): number {
	const e = eccIndex[ecc];
	return Math.floor(rawDataModules(version) / 8) - eccPerBlock[e][version] * blockCount[e][version];
}

// --- Reed–Solomon over GF(2^8) with the polynomial 0x11D --------------------------------------

function multiply(x: number, y: number): number {
	let z = 0;
	for (let i = 7; i >= 0; i--) {
		z = (z << 1) ^ ((z >>> 7) * 0x11d);
		z ^= ((y >>> i) & 1) * x;
	}
	return z;
}

function divisor(degree: number): number[] {
	const result = new Array<number>(degree).fill(0);
	result[degree - 1] = 1;
	let root = 1;
	for (let i = 0; i < degree; i++) {
		for (let j = 0; j < result.length; j++) {
			result[j] = multiply(result[j], root);
			if (j + 1 < result.length) result[j] ^= result[j + 1];
		}
		root = multiply(root, 0x02);
	}
	return result;
}

/** The error correction codewords of a block of data. */
export function reedSolomon(data: number[], degree: number): number[] {
	const div = divisor(degree);
	const result = new Array<number>(degree).fill(0);
	for (const b of data) {
		const factor = b ^ (result.shift() as number);
		result.push(0);
		div.forEach((coef, i) => (result[i] ^= multiply(coef, factor)));
	}
	return result;
}

// --- Encoding ----------------------------------------------------------------------------------

function codewords(bytes: Uint8Array, ecc: Ecc): { version: number; data: number[] } {
	for (let version = 1; version <= 40; version++) {
		const countBits = version <= 9 ? 8 : 16;
		const capacity = dataCodewords(version, ecc) * 8;
		const used = 4 + countBits + bytes.length * 8;
		if (used > capacity) continue;
		const bits: number[] = [];
		const push = (value: number, length: number) => {
			for (let i = length - 1; i >= 0; i--) bits.push((value >>> i) & 1);
		};
		push(0b0100, 4);
		push(bytes.length, countBits);
		for (const b of bytes) push(b, 8);
		push(0, Math.min(4, capacity - bits.length));
		push(0, (8 - (bits.length % 8)) % 8);
		for (let pad = 0xec; bits.length < capacity; pad ^= 0xec ^ 0x11) push(pad, 8);
		const data: number[] = [];
		for (let i = 0; i < bits.length; i += 8)
			data.push(bits.slice(i, i + 8).reduce((acc, bit) => (acc << 1) | bit, 0));
		return { version, data };
	}
	throw new RangeError('too long for a QR code');
}

/** Splits data into blocks, adds error correction, interleaves. */
function interleave(data: number[], version: number, ecc: Ecc): number[] {
	const e = eccIndex[ecc];
	const blocks = blockCount[e][version];
	const degree = eccPerBlock[e][version];
	const raw = Math.floor(rawDataModules(version) / 8);
	const shortBlocks = blocks - (raw % blocks);
	const shortLength = Math.floor(raw / blocks);
	const all: number[][] = [];
	for (let i = 0, k = 0; i < blocks; i++) {
		const length = shortLength - degree + (i < shortBlocks ? 0 : 1);
		const block = data.slice(k, k + length);
		k += length;
		const ec = reedSolomon(block, degree);
		if (i < shortBlocks) block.push(0);
		all.push([...block, ...ec]);
	}
	const result: number[] = [];
	for (let i = 0; i < all[0].length; i++) {
		all.forEach((block, j) => {
			// The padding byte of a short block is not transmitted.
			if (i !== shortLength - degree || j >= shortBlocks) result.push(block[i]);
		});
	}
	return result;
}

class Matrix {
	readonly size: number;
	readonly dark: boolean[][];
	readonly fixed: boolean[][];

	constructor(readonly version: number) {
		this.size = version * 4 + 17;
		this.dark = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
		this.fixed = Array.from({ length: this.size }, () => new Array<boolean>(this.size).fill(false));
	}

	set(x: number, y: number, dark: boolean) {
		this.dark[y][x] = dark;
		this.fixed[y][x] = true;
	}

	alignmentPositions(): number[] {
		if (this.version === 1) return [];
		const count = Math.floor(this.version / 7) + 2;
		const step = Math.floor((this.version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
		const result = [6];
		for (let pos = this.size - 7; result.length < count; pos -= step) result.splice(1, 0, pos);
		return result;
	}

	drawFunctionPatterns() {
		for (let i = 0; i < this.size; i++) {
			this.set(6, i, i % 2 === 0);
			this.set(i, 6, i % 2 === 0);
		}
		for (const [cx, cy] of [
			[3, 3],
			[this.size - 4, 3],
			[3, this.size - 4]
		]) {
			for (let dy = -4; dy <= 4; dy++)
				for (let dx = -4; dx <= 4; dx++) {
					const d = Math.max(Math.abs(dx), Math.abs(dy));
					const x = cx + dx;
					const y = cy + dy;
					if (x >= 0 && x < this.size && y >= 0 && y < this.size)
						this.set(x, y, d !== 2 && d !== 4);
				}
		}
		const align = this.alignmentPositions();
		const n = align.length;
		for (let i = 0; i < n; i++)
			for (let j = 0; j < n; j++) {
				if ((i === 0 && j === 0) || (i === 0 && j === n - 1) || (i === n - 1 && j === 0)) continue;
				for (let dy = -2; dy <= 2; dy++)
					for (let dx = -2; dx <= 2; dx++)
						this.set(align[i] + dx, align[j] + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
			}
		this.drawFormat('L', 0);
		this.drawVersion();
	}

	drawFormat(ecc: Ecc, mask: number) {
		const data = (formatBits[ecc] << 3) | mask;
		let rem = data;
		for (let i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
		const bits = ((data << 10) | rem) ^ 0x5412;
		const bit = (i: number) => ((bits >>> i) & 1) !== 0;
		for (let i = 0; i <= 5; i++) this.set(8, i, bit(i));
		this.set(8, 7, bit(6));
		this.set(8, 8, bit(7));
		this.set(7, 8, bit(8));
		for (let i = 9; i < 15; i++) this.set(14 - i, 8, bit(i));
		for (let i = 0; i < 8; i++) this.set(this.size - 1 - i, 8, bit(i));
		for (let i = 8; i < 15; i++) this.set(8, this.size - 15 + i, bit(i));
		this.set(8, this.size - 8, true);
	}

	drawVersion() {
		if (this.version < 7) return;
		let rem = this.version;
		for (let i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1f25);
		const bits = (this.version << 12) | rem;
		for (let i = 0; i < 18; i++) {
			const dark = ((bits >>> i) & 1) !== 0;
			const a = this.size - 11 + (i % 3);
			const b = Math.floor(i / 3);
			this.set(a, b, dark);
			this.set(b, a, dark);
		}
	}

	drawCodewords(data: number[]) {
		let i = 0;
		for (let right = this.size - 1; right >= 1; right -= 2) {
			if (right === 6) right = 5;
			for (let vert = 0; vert < this.size; vert++) {
				for (let j = 0; j < 2; j++) {
					const x = right - j;
					const upward = ((right + 1) & 2) === 0;
					const y = upward ? this.size - 1 - vert : vert;
					if (!this.fixed[y][x] && i < data.length * 8) {
						this.dark[y][x] = ((data[i >>> 3] >>> (7 - (i & 7))) & 1) !== 0;
						i++;
					}
				}
			}
		}
	}

	applyMask(mask: number) {
		for (let y = 0; y < this.size; y++)
			for (let x = 0; x < this.size; x++) {
				if (this.fixed[y][x]) continue;
				const flip = [
					(x + y) % 2 === 0,
					y % 2 === 0,
					x % 3 === 0,
					(x + y) % 3 === 0,
					(Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0,
					((x * y) % 2) + ((x * y) % 3) === 0,
					(((x * y) % 2) + ((x * y) % 3)) % 2 === 0,
					(((x + y) % 2) + ((x * y) % 3)) % 2 === 0
				][mask];
				if (flip) this.dark[y][x] = !this.dark[y][x];
			}
	}

	penalty(): number {
		let result = 0;
		const n = this.size;
		const line = (get: (i: number) => boolean) => {
			let score = 0;
			let run = 1;
			for (let i = 1; i <= n; i++) {
				if (i < n && get(i) === get(i - 1)) run++;
				else {
					if (run >= 5) score += run - 2;
					run = 1;
				}
			}
			// A finder-like 1:1:3:1:1 pattern with four light modules on either side.
			const pattern = [true, false, true, true, true, false, true, false, false, false, false];
			for (let i = 0; i + 11 <= n; i++) {
				if (pattern.every((v, k) => get(i + k) === v)) score += 40;
				if (pattern.every((v, k) => get(i + 10 - k) === v)) score += 40;
			}
			return score;
		};
		for (let y = 0; y < n; y++) result += line((x) => this.dark[y][x]);
		for (let x = 0; x < n; x++) result += line((y) => this.dark[y][x]);
		for (let y = 0; y < n - 1; y++)
			for (let x = 0; x < n - 1; x++) {
				const c = this.dark[y][x];
				if (c === this.dark[y][x + 1] && c === this.dark[y + 1][x] && c === this.dark[y + 1][x + 1])
					result += 3;
			}
		const dark = this.dark.flat().filter(Boolean).length;
		const total = n * n;
		result += (Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1) * 10;
		return result;
	}
}

/** The modules of the QR code for `text` (true = dark), without the quiet zone. */
export function qrModules(text: string, ecc: Ecc = 'M'): boolean[][] {
	const bytes = new TextEncoder().encode(text);
	const { version, data } = codewords(bytes, ecc);
	const all = interleave(data, version, ecc);
	let best: { penalty: number; dark: boolean[][] } | undefined;
	for (let mask = 0; mask < 8; mask++) {
		const matrix = new Matrix(version);
		matrix.drawFunctionPatterns();
		matrix.drawCodewords(all);
		matrix.applyMask(mask);
		matrix.drawFormat(ecc, mask);
		const penalty = matrix.penalty();
		if (!best || penalty < best.penalty) best = { penalty, dark: matrix.dark };
	}
	return best!.dark;
}

/** An SVG path drawing the dark modules, one unit per module, offset by a quiet zone of 4. */
export function qrPath(modules: boolean[][]): string {
	const parts: string[] = [];
	modules.forEach((row, y) =>
		row.forEach((dark, x) => {
			if (dark) parts.push(`M${x + 4},${y + 4}h1v1h-1z`);
		})
	);
	return parts.join('');
}
