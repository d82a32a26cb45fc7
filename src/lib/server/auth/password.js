// Plain JavaScript on purpose: the server (TypeScript, bundled) and the account command
// (`npm run admin`, plain Node) hash passwords with this one function.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * scrypt cost: N = 2^15, r = 8, p = 1 needs 32 MiB and about 0.1 s per hash, the OWASP minimum
 * for scrypt. The parameters are written into every hash, so raising them later only affects new
 * hashes and old ones still verify.
 */
const defaults = { N: 32768, r: 8, p: 1, keyLength: 64, saltLength: 16 };

/**
 * @param {string} password
 * @param {Buffer} salt
 * @param {{ N: number, r: number, p: number }} cost
 * @param {number} keyLength
 * @returns {Promise<Buffer>}
 */
function derive(password, salt, { N, r, p }, keyLength) {
	return new Promise((resolve, reject) => {
		// scrypt needs 128·N·r bytes; leave headroom above Node's 32 MiB default ceiling.
		const maxmem = 256 * N * r;
		scrypt(password.normalize('NFC'), salt, keyLength, { N, r, p, maxmem }, (error, key) =>
			error ? reject(error) : resolve(key)
		);
	});
}

/** Shortest password an account may have. */
export const minPasswordLength = 10;

/**
 * Hashes a password with a fresh random salt: `scrypt$N$r$p$salt$hash` (salt and hash base64).
 * @param {string} password
 * @returns {Promise<string>}
 */
export async function hashPassword(password) {
	const salt = randomBytes(defaults.saltLength);
	const key = await derive(password, salt, defaults, defaults.keyLength);
	const { N, r, p } = defaults;
	return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * Whether `password` matches `stored`, in constant time for a given hash. A malformed or disabled
 * hash (e.g. `!`) never matches.
 * @param {string} password
 * @param {string} stored
 * @returns {Promise<boolean>}
 */
export async function verifyPassword(password, stored) {
	const parts = stored.split('$');
	if (parts.length !== 6 || parts[0] !== 'scrypt') {
		// Spend the same time as a real check, so a disabled hash is not told apart by timing.
		await derive(password, randomBytes(defaults.saltLength), defaults, defaults.keyLength);
		return false;
	}
	const [, N, r, p, salt, hash] = parts;
	const expected = Buffer.from(hash, 'base64');
	const key = await derive(
		password,
		Buffer.from(salt, 'base64'),
		{ N: Number(N), r: Number(r), p: Number(p) },
		expected.length
	);
	return key.length === expected.length && timingSafeEqual(key, expected);
}

/**
 * A hash no password matches, for accounts that must not log in; checking it costs as much as a
 * real hash, so "no such account" and "wrong password" take the same time.
 */
export const unusableHash = '!';
