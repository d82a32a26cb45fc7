// Plain JavaScript, shared by the server and the account command (`npm run admin`).
import { randomBytes } from 'node:crypto';

/** @typedef {'admin' | 'editor'} Role */

/** @type {readonly Role[]} */
export const roles = ['admin', 'editor'];

/** The seeded demo's account; the server refuses to keep it when NODE_ENV=production. */
export const demoEmail = 'demo@taibai.example';

/**
 * Emails are compared case-insensitively, so they are stored lowercased and trimmed.
 * @param {string} email
 */
export function normalizeEmail(email) {
	return email.trim().toLowerCase();
}

/** @param {string} email */
export function isEmail(email) {
	return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) && email.length <= 200;
}

const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A new user id, `usr_` and 16 random characters. */
export function newUserId() {
	return `usr_${Array.from(randomBytes(16), (b) => base62[b % 62]).join('')}`;
}
