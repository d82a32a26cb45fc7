import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nonceToHashes } from '$lib/server/security/shared-page-policy';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

const start = 'new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)))';
const page = [
	'<html><head><script type="application/ld+json">{"@type":"Event"}</script></head><body>',
	`<script nonce="ab+c/9==">${start}</script>`,
	'<script type="application/json" data-sveltekit-fetched>{"x":"中文"}</script>',
	'<script nonce="ab+c/9==">console.log("二")</script>',
	'</body></html>'
].join('');
const policy =
	"script-src 'self' 'nonce-ab+c/9=='; style-src 'self' 'unsafe-inline'; object-src 'none'";

describe('a page kept for many visitors', () => {
	it('allows exactly the scripts that carried the nonce, by their hashes, and carries no nonce', () => {
		const kept = nonceToHashes(page, policy);
		expect(kept.html).not.toContain('nonce');
		expect(kept.policy).not.toContain('nonce');
		expect(kept.policy).toBe(
			`script-src 'self' ${sha(start)} ${sha('console.log("二")')}; style-src 'self' 'unsafe-inline'; object-src 'none'`
		);
		expect(kept.html).toContain(`<script>${start}</script>`);
		// Data blocks are left exactly as they were.
		expect(kept.html).toContain('<script type="application/ld+json">{"@type":"Event"}</script>');
	});

	it('leaves a page without a nonce as it is', () => {
		const hashed = "script-src 'self' 'sha256-abc'";
		expect(nonceToHashes(page, hashed)).toEqual({ html: page, policy: hashed });
	});

	it('allows no script that did not carry the nonce (one injected into the page text stays blocked)', () => {
		const injected = page.replace('</body>', '<script>alert(1)</script></body>');
		const kept = nonceToHashes(injected, policy);
		expect(kept.policy).not.toContain(sha('alert(1)'));
	});
});
