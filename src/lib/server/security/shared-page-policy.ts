import { createHash } from 'node:crypto';

const nonceSource = /'nonce-([^']+)'/g;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A page rendered with a nonce, turned into the same page allowed by hashes: every inline script
 * that carried the nonce loses it, and the policy's `'nonce-…'` becomes the SHA-256 of each such
 * script's text. A page kept and replayed to many visitors (hooks/page-cache.ts) must not carry a
 * nonce: a nonce is only worth something while nobody else has seen it, and a kept page shows its
 * nonce to every visitor it is served to. A hash allows exactly the scripts the page was rendered
 * with, however often it is served. Pages without a nonce are left as they are.
 */
export function nonceToHashes(html: string, policy: string): { html: string; policy: string } {
	const nonces = [...new Set([...policy.matchAll(nonceSource)].map((m) => m[1]))];
	if (!nonces.length) return { html, policy };
	let out = html;
	const hashes = new Set<string>();
	for (const nonce of nonces) {
		const script = new RegExp(
			`<script([^>]*?) nonce="${escapeRegExp(nonce)}"([^>]*)>([\\s\\S]*?)</script>`,
			'g'
		);
		out = out.replace(script, (_, before: string, after: string, text: string) => {
			hashes.add(`'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`);
			return `<script${before}${after}>${text}</script>`;
		});
	}
	// A nonce left anywhere else in the page (a style, a stray attribute) would leak it: drop it too.
	for (const nonce of nonces) out = out.replaceAll(` nonce="${nonce}"`, '');
	const withHashes = policy
		.replace(nonceSource, '')
		.replace(/script-src([^;]*)/, (_, sources) =>
			`script-src${sources.trimEnd()} ${[...hashes].join(' ')}`.trimEnd()
		);
	return { html: out, policy: withHashes.replace(/ {2,}/g, ' ').replace(/ ;/g, ';') };
}
